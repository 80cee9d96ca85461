import CalculateIcon from '@mui/icons-material/Calculate';
import { Menu as RaMenu } from 'react-admin';

/** The resources react-admin lists (filtered by canAccess) plus the staff tools that are pages, not resources. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <RaMenu.ResourceItems />
    <RaMenu.Item to="/deadline-calculator" primaryText="app.deadline.title" leftIcon={<CalculateIcon />} />
  </RaMenu>
);
