import RateReviewIcon from '@mui/icons-material/RateReview';
import { SupervisionNoteCreate } from './SupervisionNoteCreate';
import { SupervisionNoteEdit } from './SupervisionNoteEdit';
import { SupervisionNoteList } from './SupervisionNoteList';

export default {
  list: SupervisionNoteList,
  create: SupervisionNoteCreate,
  edit: SupervisionNoteEdit,
  icon: RateReviewIcon,
};
