import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import { ReceiptRequestCreate } from './ReceiptRequestCreate';
import { ReceiptRequestList } from './ReceiptRequestList';

export default { list: ReceiptRequestList, create: ReceiptRequestCreate, icon: AddShoppingCartIcon };
