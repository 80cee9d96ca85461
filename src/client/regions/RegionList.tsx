import { CreateButton, DataTable, List, SearchInput, SelectField, TopToolbar } from 'react-admin';
import { levelChoices } from './levelChoices';

export const RegionList = () => (
  <List
    filters={[<SearchInput key="q" source="q" alwaysOn />]}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
    sort={{ field: 'code', order: 'ASC' }}
    perPage={50}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="nameEn" />
      <DataTable.Col source="level">
        <SelectField source="level" choices={levelChoices} />
      </DataTable.Col>
      <DataTable.Col source="parentCode" />
    </DataTable>
  </List>
);
