import { CreateButton, DataTable, FilterButton, List, TextField, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { AgreementStatusField, OverdueFilingField } from './AgreementStatusField';
import { agreementFilters } from './agreementFilters';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

export const AgreementList = () => (
  <List
    exporter={false}
    filters={agreementFilters}
    actions={<ListActions />}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="agreementNo" />
      <DataTable.Col source="bankName" />
      <DataTable.Col source="regionName" />
      <DataTable.Col source="status">
        <AgreementStatusField />
      </DataTable.Col>
      <DataTable.Col source="cutoffTime" />
      <DataTable.Col source="signedOn" />
      <DataTable.Col source="filedOn">
        <TextField source="filedOn" emptyText="—" />
        <OverdueFilingField />
      </DataTable.Col>
    </DataTable>
  </List>
);
