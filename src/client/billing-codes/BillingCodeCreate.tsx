import { Create, SimpleForm } from 'react-admin';
import { BillingCodeInputs } from './BillingCodeInputs';
import { createBillingCodeResolver } from './billingCodeResolver';

export const BillingCodeCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={createBillingCodeResolver} defaultValues={{ budgetLevel: 'county' }}>
      <BillingCodeInputs />
    </SimpleForm>
  </Create>
);
