import { PasswordInput, ReferenceInput, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { session } from '../providers/session';
import { roleChoices } from './roleChoices';

/**
 * Shows the unit, bank or department link only for the role that needs it. Nobody edits their own
 * role (separation of duties), and an existing user's password is never typed by an admin: the
 * edit page offers 重置密码 (a one-time code) instead.
 */
export const UserInputs = ({ isEdit = false }: { isEdit?: boolean }) => {
  const role = useWatch({ name: 'role' });
  const record = useRecordContext<{ id: number }>();
  const ownRecord = isEdit && !!record && record.id === session.get()?.user.id;
  return (
    <>
      <TextInput source="username" disabled={isEdit} />
      <TextInput source="displayName" />
      <SelectInput
        source="role"
        choices={roleChoices}
        disabled={ownRecord}
        helperText={ownRecord ? 'resources.users.reset.own_role' : undefined}
      />
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
      {!isEdit && <PasswordInput source="password" helperText="app.validation.password" />}
      <TextInput source="note" multiline />
    </>
  );
};
