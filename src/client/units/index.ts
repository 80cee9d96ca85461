import LocalPoliceIcon from '@mui/icons-material/LocalPolice';
import { UnitCreate, UnitEdit, UnitList } from './UnitViews';

export default {
  list: UnitList,
  create: UnitCreate,
  edit: UnitEdit,
  icon: LocalPoliceIcon,
  recordRepresentation: 'name',
};
