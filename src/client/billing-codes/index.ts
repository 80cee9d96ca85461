import QrCodeIcon from '@mui/icons-material/QrCode';
import { BillingCodeCreate } from './BillingCodeCreate';
import { BillingCodeEdit } from './BillingCodeEdit';
import { BillingCodeList } from './BillingCodeList';

export default {
  list: BillingCodeList,
  create: BillingCodeCreate,
  edit: BillingCodeEdit,
  icon: QrCodeIcon,
  recordRepresentation: 'projectCode',
};
