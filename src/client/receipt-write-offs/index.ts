import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ReceiptWriteOffCreate } from './ReceiptWriteOffCreate';
import { ReceiptWriteOffList } from './ReceiptWriteOffList';

export default { list: ReceiptWriteOffList, create: ReceiptWriteOffCreate, icon: FactCheckIcon };
