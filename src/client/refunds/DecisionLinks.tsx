import { Link as MuiLink, Stack } from '@mui/material';
import { Labeled, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../common/useCan';
import { type DecisionReceipt, receiptLabel } from '../decisions/DecisionReceipts';

/** One click from a refund to its decision and to the receipt the payer was given. */
export const DecisionLinks = () => {
  const record = useRecordContext<{ decision?: { id: number; decisionNumber: string } }>();
  const translate = useTranslate();
  const canReceipts = useCan('list', 'receipts');
  const decisionId = record?.decision?.id;
  const { data: receipts } = useGetList<DecisionReceipt & { id: number }>(
    'receipts',
    { filter: { decisionId }, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: canReceipts && decisionId !== undefined },
  );
  if (!record?.decision) return null;
  return (
    <Labeled label="resources.refunds.links.title">
      <Stack direction="row" spacing={2} flexWrap="wrap">
        <MuiLink component={Link} to={`/decisions/${record.decision.id}/show`}>
          {translate('resources.refunds.links.decision', { number: record.decision.decisionNumber })}
        </MuiLink>
        {(receipts ?? []).map((r) => (
          <MuiLink key={r.id} component={Link} to={`/receipts/${r.id}/show`}>
            {translate(`app.receipt_types.${r.typeCode}`)} {receiptLabel(r)}
          </MuiLink>
        ))}
      </Stack>
    </Labeled>
  );
};
