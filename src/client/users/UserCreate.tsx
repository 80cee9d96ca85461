import { Create, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';
import { createUserResolver } from './userResolver';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={createUserResolver} defaultValues={{ regionCode: '63' }}>
      <UserInputs />
    </SimpleForm>
  </Create>
);
