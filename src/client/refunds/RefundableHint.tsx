import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatFen } from '../../domain/money';
import type { AppDataProvider } from '../providers/dataProvider';

/** Once a decision is chosen, the unit sees how much it may still ask for, before the server refuses. */
export const RefundableHint = () => {
  const decisionId = useWatch({ name: 'decisionId' });
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['refundable', decisionId],
    queryFn: () => dataProvider.refundable(decisionId),
    enabled: Boolean(decisionId),
  });
  if (!decisionId || !data) return null;
  return (
    <Alert severity="info" role="status">
      {translate('resources.refunds.refundable_hint', {
        paid: formatFen(data.paidFen),
        refundable: formatFen(data.refundableFen),
      })}
    </Alert>
  );
};
