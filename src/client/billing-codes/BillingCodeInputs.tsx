import { DateInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { budgetLevelChoices } from '../common/levelChoices';

export const BillingCodeInputs = ({ isEdit = false }: { isEdit?: boolean }) => (
  <>
    <TextInput
      source="departmentCode"
      disabled={isEdit}
      helperText="resources.billing-codes.help.departmentCode"
    />
    <TextInput source="itemCode" disabled={isEdit} helperText="resources.billing-codes.help.itemCode" />
    <TextInput source="name" fullWidth />
    <ReferenceInput source="budgetSubjectCode" reference="budget-subjects" perPage={200}>
      <SelectInput optionText={(r: { code: string; name: string }) => `${r.code} ${r.name}`} />
    </ReferenceInput>
    <SelectInput source="budgetLevel" choices={budgetLevelChoices} />
    <DateInput source="effectiveFrom" />
    <DateInput source="effectiveTo" />
    <TextInput source="note" multiline fullWidth />
  </>
);
