import { DateInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';

export const SupervisionNoteInputs = () => {
  const bankId = useWatch({ name: 'bankId' });
  return (
    <>
      <ReferenceInput source="bankId" reference="banks">
        <SelectInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="agreementId" reference="agreements" filter={bankId ? { bankId } : {}}>
        <SelectInput optionText="agreementNo" />
      </ReferenceInput>
      <DateInput source="periodStart" />
      <DateInput source="periodEnd" />
      <TextInput source="text" multiline minRows={4} fullWidth />
    </>
  );
};
