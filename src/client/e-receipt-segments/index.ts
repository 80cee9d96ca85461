import QrCodeIcon from '@mui/icons-material/QrCode2';
import { EReceiptSegmentCreate } from './EReceiptSegmentCreate';
import { EReceiptSegmentList } from './EReceiptSegmentList';

export default { list: EReceiptSegmentList, create: EReceiptSegmentCreate, icon: QrCodeIcon };
