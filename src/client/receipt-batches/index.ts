import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { ReceiptBatchCreate } from './ReceiptBatchCreate';
import { ReceiptBatchList } from './ReceiptBatchList';

export default { list: ReceiptBatchList, create: ReceiptBatchCreate, icon: ShoppingCartIcon };
