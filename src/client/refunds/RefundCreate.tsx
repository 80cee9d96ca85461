import { Create, SimpleForm } from 'react-admin';
import { RefundInputs } from './RefundInputs';
import { toRefundBody } from './yuan';

export const RefundCreate = () => (
  <Create redirect="show" transform={toRefundBody}>
    <SimpleForm>
      <RefundInputs />
    </SimpleForm>
  </Create>
);
