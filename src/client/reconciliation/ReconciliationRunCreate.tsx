import { Create, DateInput, ReferenceInput, required, SelectInput, SimpleForm } from 'react-admin';
import { periodTypeChoices } from './choices';

/** A month starts on its first day; the server says so (400) if not. */
export const ReconciliationRunCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ periodType: 'month' }}>
      <SelectInput source="periodType" choices={periodTypeChoices} validate={required()} />
      <DateInput
        source="periodStart"
        validate={required()}
        helperText="resources.reconciliation-runs.help.period_start"
      />
      <ReferenceInput source="bankId" reference="banks">
        <SelectInput optionText="name" emptyText="resources.reconciliation-runs.all_banks" />
      </ReferenceInput>
    </SimpleForm>
  </Create>
);
