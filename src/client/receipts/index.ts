import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { ReceiptCreate } from './ReceiptCreate';
import { ReceiptList } from './ReceiptList';
import { ReceiptShow } from './ReceiptShow';

export default { list: ReceiptList, create: ReceiptCreate, show: ReceiptShow, icon: ReceiptLongIcon };
