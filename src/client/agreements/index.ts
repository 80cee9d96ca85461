import HandshakeIcon from '@mui/icons-material/Handshake';
import { AgreementCreate } from './AgreementCreate';
import { AgreementEdit } from './AgreementEdit';
import { AgreementList } from './AgreementList';
import { AgreementShow } from './AgreementShow';

export default {
  list: AgreementList,
  show: AgreementShow,
  create: AgreementCreate,
  edit: AgreementEdit,
  icon: HandshakeIcon,
  recordRepresentation: 'agreementNo',
};
