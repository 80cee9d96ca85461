import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';

type Revealed = { partyName: string; idNumber: string; licenceNumber: string | null; plate: string | null };

/** Full personal data only with a reason; the server writes the audit event. */
export const RevealButton = () => {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const reveal = useMutation({
    mutationFn: () =>
      dataProvider.action<Revealed>('decisions', record!.id, 'reveal', { reason: reason.trim() }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  if (!useCan('reveal', 'decisions') || !record) return null;
  const close = () => {
    setOpen(false);
    setReason('');
    reveal.reset();
  };
  return (
    <>
      <Button label="resources.decisions.action.reveal" onClick={() => setOpen(true)}>
        <VisibilityIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.decisions.action.reveal')}</DialogTitle>
        <DialogContent>
          {reveal.data ? (
            <Alert severity="warning" data-testid="revealed">
              {translate('resources.decisions.fields.partyName')}: {reveal.data.partyName}
              <br />
              {translate('resources.decisions.fields.idNumber')}: {reveal.data.idNumber}
              <br />
              {translate('resources.decisions.fields.plate')}: {reveal.data.plate ?? '—'}
            </Alert>
          ) : (
            <TextField
              label={translate('resources.decisions.reveal_reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              multiline
              minRows={2}
              fullWidth
              margin="dense"
              inputProps={{ maxLength: 500 }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={close} />
          {!reveal.data && (
            <Button
              label="app.action.confirm"
              variant="contained"
              disabled={!reason.trim() || reveal.isPending}
              onClick={() => reveal.mutate()}
            />
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
