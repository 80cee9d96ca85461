import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { TreasuryEntryCreate } from './TreasuryEntryCreate';
import { TreasuryEntryList } from './TreasuryEntryList';

export default { list: TreasuryEntryList, create: TreasuryEntryCreate, icon: AccountBalanceIcon };
