import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { RefundCreate } from './RefundCreate';
import { RefundEdit } from './RefundEdit';
import { RefundList } from './RefundList';
import { RefundShow } from './RefundShow';

export default {
  list: RefundList,
  show: RefundShow,
  create: RefundCreate,
  edit: RefundEdit,
  icon: CurrencyExchangeIcon,
  recordRepresentation: (r: { id: number; decisionNumber?: string }) => `#${r.id} ${r.decisionNumber ?? ''}`,
};
