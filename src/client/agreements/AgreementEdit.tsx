import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { AgreementInputs } from './AgreementInputs';
import { editResolver } from './agreementResolver';

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const AgreementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm resolver={editResolver} toolbar={<EditToolbar />}>
      <AgreementInputs />
    </SimpleForm>
  </Edit>
);
