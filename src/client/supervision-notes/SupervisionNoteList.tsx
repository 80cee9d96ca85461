import { CreateButton, DataTable, List, ReferenceInput, SelectInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';

const filters = [
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export const SupervisionNoteList = () => (
  <List
    filters={filters}
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
        <ServerExportButton />
      </TopToolbar>
    }
    sort={{ field: 'periodStart', order: 'DESC' }}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="bankName" />
      <DataTable.Col source="periodStart" />
      <DataTable.Col source="periodEnd" />
      <DataTable.Col source="text" />
      <DataTable.Col source="authorName" />
    </DataTable>
  </List>
);
