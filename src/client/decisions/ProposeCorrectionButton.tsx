import EditNoteIcon from '@mui/icons-material/EditNote';
import { Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import { Button, useCreate, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useCan } from '../common/useCan';
import { paymentStatusChoices } from './choices';

/** Police propose a manual status change; a second officer confirms it in 状态更正. */
export const ProposeCorrectionButton = () => {
  const record = useRecordContext<{ id: number; paymentStatus: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [create] = useCreate();
  const [open, setOpen] = React.useState(false);
  const [toStatus, setToStatus] = React.useState('');
  const [reason, setReason] = React.useState('');
  const propose = useMutation({
    mutationFn: () =>
      create(
        'status-corrections',
        { data: { decisionId: record!.id, toStatus, reason: reason.trim() } },
        { returnPromise: true },
      ),
    onSuccess: () => {
      setOpen(false);
      notify('resources.status-corrections.notifications.proposed', { type: 'info' });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  if (!useCan('create', 'status-corrections') || !record) return null;
  return (
    <>
      <Button label="resources.status-corrections.action.propose" onClick={() => setOpen(true)}>
        <EditNoteIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.status-corrections.action.propose')}</DialogTitle>
        <DialogContent>
          <TextField
            select
            label={translate('resources.status-corrections.fields.toStatus')}
            value={toStatus}
            onChange={(e) => setToStatus(e.target.value)}
            fullWidth
            margin="dense"
          >
            {paymentStatusChoices
              .filter((c) => c.id !== record.paymentStatus)
              .map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {translate(c.name)}
                </MenuItem>
              ))}
          </TextField>
          <TextField
            label={translate('app.action.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            minRows={2}
            fullWidth
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button label="app.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="app.action.confirm"
            variant="contained"
            disabled={!toStatus || !reason.trim() || propose.isPending}
            onClick={() => propose.mutate()}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
