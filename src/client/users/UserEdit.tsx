import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PersonIcon from '@mui/icons-material/Person';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Edit, SaveButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { UserInputs } from './UserInputs';
import { editUserResolver } from './userResolver';

const Actions = () => {
  const record = useRecordContext<{ active: boolean; locked: boolean }>();
  if (!record) return null;
  return (
    <TopToolbar>
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
      <UserInputs isEdit />
    </SimpleForm>
  </Edit>
);
