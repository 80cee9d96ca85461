import CalculateIcon from '@mui/icons-material/Calculate';
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
    <RaMenu.Item to="/deadline-calculator" primaryText="app.deadline.title" leftIcon={<CalculateIcon />} />
  </RaMenu>
);
