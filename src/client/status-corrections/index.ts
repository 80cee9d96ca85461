import FactCheckIcon from '@mui/icons-material/FactCheck';
import { StatusCorrectionList } from './StatusCorrectionList';

export default { list: StatusCorrectionList, icon: FactCheckIcon };
