import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import { RemittanceList } from './RemittanceList';

export default { list: RemittanceList, icon: AccountBalanceWalletIcon };
