import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PersonIcon from '@mui/icons-material/Person';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Alert } from '@mui/material';
import {
  Edit,
  SaveButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { shanghaiDateTime } from '../../domain/i18n';
import { ActionButton } from '../common/ActionButton';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserInputs } from './UserInputs';
import { editUserResolver } from './userResolver';

const Actions = () => {
  const record = useRecordContext<{ active: boolean; locked: boolean }>();
  if (!record) return null;
  return (
    <TopToolbar>
      <ResetPasswordButton />
      {record.locked ? (
        <ActionButton
          action="unlock"
          label="resources.users.action.unlock"
          successMessage="resources.users.notifications.unlock"
          icon={<LockOpenIcon />}
        />
      ) : (
        <ActionButton
          action="lock"
          label="resources.users.action.lock"
          successMessage="resources.users.notifications.lock"
          icon={<LockIcon />}
          color="warning"
        />
      )}
      {record.active ? (
        <ActionButton
          action="deactivate"
          label="resources.users.action.deactivate"
          successMessage="resources.users.notifications.deactivate"
          icon={<PersonOffIcon />}
          color="error"
        />
      ) : (
        <ActionButton
          action="activate"
          permission="deactivate"
          label="resources.users.action.activate"
          successMessage="resources.users.notifications.activate"
          icon={<PersonIcon />}
        />
      )}
    </TopToolbar>
  );
};

/** A reset code was issued and is still unused: the admin sees until when it is valid (never the code). */
const ResetPending = () => {
  const record = useRecordContext<{ resetPending?: boolean; resetCodeExpiresAt?: string | null }>();
  const translate = useTranslate();
  if (!record?.resetPending || !record.resetCodeExpiresAt) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }} data-testid="reset-pending">
      {translate('resources.users.reset.pending', { at: shanghaiDateTime(record.resetCodeExpiresAt) })}
    </Alert>
  );
};

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" actions={<Actions />} redirect="list">
    <SimpleForm
      resolver={editUserResolver}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <ResetPending />
      <UserInputs isEdit />
    </SimpleForm>
  </Edit>
);
