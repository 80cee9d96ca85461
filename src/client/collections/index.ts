import PaymentsIcon from '@mui/icons-material/Payments';
import { CollectionList } from './CollectionList';
import { CollectionShow } from './CollectionShow';

export default {
  list: CollectionList,
  show: CollectionShow,
  icon: PaymentsIcon,
  recordRepresentation: (r: { bankTxnId?: string }) => r.bankTxnId ?? '',
};
