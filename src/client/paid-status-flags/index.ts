import FlagIcon from '@mui/icons-material/Flag';
import { FlagList } from './FlagList';

export default { list: FlagList, icon: FlagIcon };
