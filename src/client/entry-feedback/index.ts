import FactCheckIcon from '@mui/icons-material/FactCheck';
import { EntryFeedbackList } from './EntryFeedbackList';

export default { list: EntryFeedbackList, icon: FactCheckIcon };
