import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { TreasuryCreate, TreasuryEdit, TreasuryList } from './TreasuryViews';

export default {
  list: TreasuryList,
  create: TreasuryCreate,
  edit: TreasuryEdit,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
