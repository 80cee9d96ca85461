import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default { list: AuditEventList, show: AuditEventShow, icon: HistoryIcon };
