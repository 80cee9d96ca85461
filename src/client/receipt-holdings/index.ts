import InventoryIcon from '@mui/icons-material/Inventory';
import { ReceiptHoldingList } from './ReceiptHoldingList';

export default { list: ReceiptHoldingList, icon: InventoryIcon };
