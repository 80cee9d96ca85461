import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { SupervisionNoteInputs } from './SupervisionNoteInputs';
import { editNoteResolver } from './noteResolver';

export const SupervisionNoteEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm resolver={editNoteResolver} toolbar={<Toolbar><SaveButton /></Toolbar>}>
      <SupervisionNoteInputs />
    </SimpleForm>
  </Edit>
);
