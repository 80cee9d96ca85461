import { Create, SimpleForm } from 'react-admin';
import { AgreementInputs } from './AgreementInputs';
import { createResolver } from './agreementResolver';

export const AgreementCreate = () => (
  <Create redirect="show">
    <SimpleForm
      resolver={createResolver}
      defaultValues={{ cutoffTime: '15:30', remittanceMethod: 'direct', dataExchangeMethod: 'realtime_api' }}
    >
      <AgreementInputs />
    </SimpleForm>
  </Create>
);
