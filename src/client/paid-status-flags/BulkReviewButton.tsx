import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
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
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';

export const BulkReviewButton = () => {
  const { selectedIds } = useListContext();
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
  if (!useCan('review', 'paid-status-flags')) return null;
  return (
    <>
      <Button label="resources.paid-status-flags.action.review" onClick={() => setOpen(true)}>
        <DoneAllIcon />
      </Button>
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
