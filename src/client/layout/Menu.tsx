import BalanceIcon from '@mui/icons-material/Balance';
import CalculateIcon from '@mui/icons-material/Calculate';
import HistoryIcon from '@mui/icons-material/History';
import TimerIcon from '@mui/icons-material/Timer';
import { Menu as RaMenu } from 'react-admin';
import { useCan } from '../common/useCan';

/** The resources react-admin lists (filtered by canAccess) plus the staff tools that are pages, not resources. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    {useCan('list', 'remittances') && (
      <RaMenu.Item to="/timeliness" primaryText="app.timeliness.title" leftIcon={<TimerIcon />} />
    )}
    <RaMenu.ResourceItems />
    {useCan('show', 'receipt-balance') && (
      <RaMenu.Item
        to="/receipt-balance"
        primaryText="app.receipts.balance_title"
        leftIcon={<BalanceIcon />}
      />
    )}
    {useCan('show', 'receipts') && (
      <RaMenu.Item
        to="/receipt-history"
        primaryText="app.receipts.history_title"
        leftIcon={<HistoryIcon />}
      />
    )}
    <RaMenu.Item to="/deadline-calculator" primaryText="app.deadline.title" leftIcon={<CalculateIcon />} />
  </RaMenu>
);
