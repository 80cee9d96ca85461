import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Button, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../common/useCan';

/** The unit starts a refund application from its paid decision, the decision already filled in. */
export const ApplyRefundButton = () => {
  const record = useRecordContext<{ id: number; paymentStatus: string; unitId: number }>();
  const allowed = useCan('create', 'refunds');
  if (!record || !allowed || !['paid', 'partially_refunded'].includes(record.paymentStatus)) return null;
  const source = encodeURIComponent(JSON.stringify({ decisionId: record.id }));
  return (
    <Button component={Link} to={`/refunds/create?source=${source}`} label="resources.refunds.action.apply">
      <CurrencyExchangeIcon />
    </Button>
  );
};
