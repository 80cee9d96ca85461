import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import { RemittanceList } from './RemittanceList';
import { RemittanceShow } from './RemittanceShow';

export default {
  list: RemittanceList,
  show: RemittanceShow,
  icon: AccountBalanceWalletIcon,
  recordRepresentation: (r: { bankName?: string; dueDate?: string }) =>
    `${r.bankName ?? ''} ${r.dueDate ?? ''}`,
};
