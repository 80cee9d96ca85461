import EventIcon from '@mui/icons-material/Event';
import { CalendarYearList } from './CalendarYearList';
import { CalendarYearShow } from './CalendarYearShow';

export default {
  list: CalendarYearList,
  show: CalendarYearShow,
  icon: EventIcon,
  recordRepresentation: 'year',
};
