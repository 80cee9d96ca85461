import { Create, SimpleForm } from 'react-admin';
import { yuanToFenBody } from '../common/yuan';
import { RefundInputs } from './RefundInputs';

export const RefundCreate = () => (
  <Create redirect="show" transform={yuanToFenBody}>
    <SimpleForm>
      <RefundInputs />
    </SimpleForm>
  </Create>
);
