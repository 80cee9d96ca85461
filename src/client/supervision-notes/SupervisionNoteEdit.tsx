import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { editNoteResolver } from './noteResolver';
import { SupervisionNoteInputs } from './SupervisionNoteInputs';

export const SupervisionNoteEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm
      resolver={editNoteResolver}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <SupervisionNoteInputs />
    </SimpleForm>
  </Edit>
);
