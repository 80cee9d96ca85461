import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { BudgetSubjectCreate, BudgetSubjectEdit, BudgetSubjectList } from './BudgetSubjectViews';

export default {
  list: BudgetSubjectList,
  create: BudgetSubjectCreate,
  edit: BudgetSubjectEdit,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
