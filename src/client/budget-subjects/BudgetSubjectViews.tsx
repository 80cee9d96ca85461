import {
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  required,
  SaveButton,
  SearchInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';

export const BudgetSubjectList = () => (
  <List
    exporter={false}
    filters={[<SearchInput key="q" source="q" alwaysOn />]}
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
      <DataTable.Col source="parentCode" />
      <DataTable.Col source="note" />
    </DataTable>
  </List>
);

export const BudgetSubjectCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={required()} helperText="resources.budget-subjects.help.code" />
      <TextInput source="name" validate={required()} />
      <TextInput source="note" multiline />
    </SimpleForm>
  </Create>
);

export const BudgetSubjectEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    transform={({ code, name, note, version }) => ({ code, name, note, version })}
  >
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TextInput source="code" disabled />
      <TextInput source="name" validate={required()} />
      <TextInput source="note" multiline />
    </SimpleForm>
  </Edit>
);
