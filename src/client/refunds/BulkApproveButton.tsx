import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useMutation } from '@tanstack/react-query';
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

/** Finance approves the selection; each refund is judged on its own and failures are counted, not hidden. */
export const BulkApproveButton = () => {
  const { selectedIds } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselect = useUnselectAll('refunds');
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const approve = useMutation({
    mutationFn: () => dataProvider.bulkApproveRefunds(selectedIds.map(Number)),
    onSuccess: (r) => {
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
  return (
    <Button
      label="resources.refunds.action.bulk_approve"
      onClick={() => approve.mutate()}
      disabled={approve.isPending}
    >
      <DoneAllIcon />
    </Button>
  );
};
