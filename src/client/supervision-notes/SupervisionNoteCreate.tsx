import { Create, SimpleForm } from 'react-admin';
import { createNoteResolver } from './noteResolver';
import { SupervisionNoteInputs } from './SupervisionNoteInputs';

export const SupervisionNoteCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={createNoteResolver}>
      <SupervisionNoteInputs />
    </SimpleForm>
  </Create>
);
