import VerifiedIcon from '@mui/icons-material/Verified';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify } from 'react-admin';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';

export const VerifyChainButton = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const canAccess = useCan('verify', 'audit-events');
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.verifyAudit(),
    onSuccess: (r) =>
      r.ok
        ? notify('app.audit.chain_ok', { type: 'success', messageArgs: { count: r.count } })
        : notify('app.audit.chain_broken', {
            type: 'error',
            messageArgs: { id: r.firstBrokenId, count: r.count },
          }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  if (!canAccess) return null;
  return (
    <Button label="app.action.verify_chain" onClick={() => mutate()} disabled={isPending}>
      <VerifiedIcon />
    </Button>
  );
};
