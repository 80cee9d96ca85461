import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField, Tooltip } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as React from 'react';
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import { stateRefusal } from '../../domain/permissions';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';

export const BulkReviewButton = () => {
  const { selectedIds, data = [] } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const unselect = useUnselectAll('paid-status-flags');
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = React.useState(false);
  const [note, setNote] = React.useState('');
  const review = useMutation({
    mutationFn: () => dataProvider.bulkReviewFlags(selectedIds.map(Number), note.trim()),
    onSuccess: (r) => {
      const ok = r.results.filter((x) => x.status === 200).length;
      notify('resources.paid-status-flags.notifications.reviewed', {
        type: 'info',
        messageArgs: { count: ok, failed: r.results.length - ok },
      });
      setOpen(false);
      setNote('');
      unselect();
      queryClient.invalidateQueries({ queryKey: ['flag-counts'] });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  const user = session.get()?.user ?? null;
  if (!useCan('review', 'paid-status-flags') || !user) return null;
  // Reviewing a reviewed flag can only fail: the same state machine the server applies says which.
  const done = data.filter(
    (f) => selectedIds.includes(f.id) && stateRefusal(user, 'review', 'paid-status-flags', f) !== null,
  ).length;
  const button = (
    <Button
      label="resources.paid-status-flags.action.review"
      onClick={() => setOpen(true)}
      disabled={done > 0}
    >
      <DoneAllIcon />
    </Button>
  );
  return (
    <>
      {done > 0 ? (
        <Tooltip title={translate('app.refusal.flags_already_reviewed', { count: done })}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>
          {translate('resources.paid-status-flags.action.review_count', { count: selectedIds.length })}
        </DialogTitle>
        <DialogContent>
          <TextField
            label={translate('resources.paid-status-flags.fields.reviewNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
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
            disabled={!note.trim() || review.isPending}
            onClick={() => review.mutate()}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
