import { Create, SimpleForm } from 'react-admin';
import { SupervisionNoteInputs } from './SupervisionNoteInputs';
import { createNoteResolver } from './noteResolver';

export const SupervisionNoteCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={createNoteResolver}>
      <SupervisionNoteInputs />
    </SimpleForm>
  </Create>
);
