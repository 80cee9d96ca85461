import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
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
import { formatFen } from '../../domain/money';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';

/** Finance approves the selection; each refund is judged on its own and failures are counted, not hidden. */
export const BulkApproveButton = () => {
  const { selectedIds, data = [] } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselect = useUnselectAll('refunds');
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = React.useState(false);
  const approve = useMutation({
    mutationFn: () => dataProvider.bulkApproveRefunds(selectedIds.map(Number)),
    onSuccess: (r) => {
      setOpen(false);
      const ok = r.results.filter((x) => x.ok).length;
      const failed = r.results.filter((x) => !x.ok);
      notify('resources.refunds.notifications.bulk_approved', {
        type: failed.length ? 'warning' : 'info',
        messageArgs: {
          count: ok,
          failed: failed.length,
          // Each refusal in the user's language, from its code; the English message only if the code is new.
          detail: failed
            .map((f) => `#${f.id} ${translate(`app.errors.${f.code}`, { _: f.message ?? f.code })}`)
            .join('；'),
        },
      });
      unselect();
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  if (!useCan('approve', 'refunds')) return null;
  // The selection is of the rows on screen, so their amounts are at hand.
  const totalFen = data
    .filter((r) => selectedIds.includes(r.id))
    .reduce((sum, r) => sum + Number(r.amountFen ?? 0), 0);
  return (
    <>
      <Button
        label="resources.refunds.action.bulk_approve"
        onClick={() => setOpen(true)}
        disabled={approve.isPending}
      >
        <DoneAllIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.refunds.action.bulk_approve')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" data-testid="step-confirmation">
            {translate('app.step_confirm.bulk_approve', {
              count: selectedIds.length,
              total: formatFen(totalFen),
            })}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button label="app.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="app.action.confirm"
            variant="contained"
            onClick={() => approve.mutate()}
            disabled={approve.isPending}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
