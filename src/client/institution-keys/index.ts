import KeyIcon from '@mui/icons-material/VpnKey';
import { InstitutionKeyCreate } from './InstitutionKeyCreate';
import { InstitutionKeyList } from './InstitutionKeyList';

export default { list: InstitutionKeyList, create: InstitutionKeyCreate, icon: KeyIcon };
