import {
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  SaveButton,
  SelectArrayInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
} from 'react-admin';
import { unitKindChoices } from '../common/levelChoices';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';

const Actions = () => (
  <TopToolbar>
    {useCan('create', 'units') && <CreateButton />}
    <ServerExportButton />
  </TopToolbar>
);

export const UnitList = () => {
  const canEdit = useCan('edit', 'units');
  return (
    <List exporter={false} actions={<Actions />} sort={{ field: 'code', order: 'ASC' }}>
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={unitKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="regionCode" />
        <DataTable.Col source="departmentId">
          <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const UnitInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="nameEn" validate={required()} fullWidth />
    <SelectInput source="kind" choices={unitKindChoices} validate={required()} />
    <ReferenceInput
      source="regionCode"
      reference="regions"
      perPage={100}
      sort={{ field: 'code', order: 'ASC' }}
    >
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="departmentId" reference="departments">
      <SelectInput optionText="name" helperText="resources.units.help.departmentId" />
    </ReferenceInput>
    <ReferenceArrayInput
      source="billingCodeIds"
      reference="billing-codes"
      filter={{ status: 'active' }}
      perPage={200}
    >
      <SelectArrayInput
        optionText={(r: { projectCode: string; name: string }) => `${r.projectCode} ${r.name}`}
        label="resources.units.fields.billingCodeIds"
        fullWidth
      />
    </ReferenceArrayInput>
  </>
);

export const UnitCreate = () => (
  <Create
    redirect="list"
    transform={(d: { billingCodeIds?: number[] }) => ({ ...d, billingCodeIds: d.billingCodeIds ?? [] })}
  >
    <SimpleForm>
      <UnitInputs />
    </SimpleForm>
  </Create>
);

export const UnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <UnitInputs />
    </SimpleForm>
  </Edit>
);
