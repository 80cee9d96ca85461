import { PasswordInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { roleChoices } from './roleChoices';

/** Shows the unit, bank or department link only for the role that needs it. */
export const UserInputs = ({ isEdit = false }: { isEdit?: boolean }) => {
  const role = useWatch({ name: 'role' });
  return (
    <>
      <TextInput source="username" disabled={isEdit} />
      <TextInput source="displayName" />
      <SelectInput source="role" choices={roleChoices} />
      <ReferenceInput
        source="regionCode"
        reference="regions"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={100}
      >
        <SelectInput optionText="name" />
      </ReferenceInput>
      {role === 'unit' && (
        <ReferenceInput source="unitId" reference="units" perPage={100}>
          <SelectInput optionText="name" />
        </ReferenceInput>
      )}
      {role === 'bank' && (
        <ReferenceInput source="bankId" reference="banks">
          <SelectInput optionText="name" />
        </ReferenceInput>
      )}
      {role === 'dept' && (
        <ReferenceInput source="departmentId" reference="departments">
          <SelectInput optionText="name" />
        </ReferenceInput>
      )}
      <PasswordInput
        source="password"
        helperText={isEdit ? 'resources.users.help.password' : 'app.validation.password'}
      />
      <TextInput source="note" multiline />
    </>
  );
};
