import {
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  ReferenceInput,
  required,
  SaveButton,
  SelectField,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
} from 'react-admin';
import { budgetLevelChoices } from '../common/levelChoices';
import { ServerExportButton } from '../common/ServerExportButton';

export const TreasuryList = () => (
  <List
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
        <ServerExportButton />
      </TopToolbar>
    }
    sort={{ field: 'code', order: 'ASC' }}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="regionCode" />
      <DataTable.Col source="level">
        <SelectField source="level" choices={budgetLevelChoices} />
      </DataTable.Col>
      <DataTable.Col source="accountName" />
      <DataTable.Col source="bankName" />
    </DataTable>
  </List>
);

const TreasuryInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <ReferenceInput
      source="regionCode"
      reference="regions"
      perPage={100}
      sort={{ field: 'code', order: 'ASC' }}
    >
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <SelectInput source="level" choices={budgetLevelChoices} validate={required()} />
    <TextInput source="accountName" validate={required()} />
    <TextInput source="accountNumber" validate={required()} />
    <TextInput source="bankName" validate={required()} fullWidth />
  </>
);

export const TreasuryCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TreasuryInputs />
    </SimpleForm>
  </Create>
);

export const TreasuryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TreasuryInputs />
    </SimpleForm>
  </Edit>
);
