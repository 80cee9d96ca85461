import { CreateButton, DataTable, List, SelectField, TextInput, TopToolbar } from 'react-admin';
import { EnumField } from '../common/CodedField';
import { ImportButton } from '../common/ImportButton';
import { budgetLevelChoices } from '../common/levelChoices';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';

const filters = [<TextInput key="transferReference" source="transferReference" alwaysOn />];
const Actions = () => (
  <TopToolbar>
    <ImportButton resource="treasury-entries" />
    {useCan('create', 'treasury-entries') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

export const TreasuryEntryList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="entryDate" />
      <DataTable.Col source="treasuryName" />
      <DataTable.Col source="transferReference" />
      <DataTable.Col source="budgetSubjectCode" />
      <DataTable.Col source="budgetLevel">
        <SelectField source="budgetLevel" choices={budgetLevelChoices} />
      </DataTable.Col>
      <DataTable.Col source="amountFen">
        <FenField source="amountFen" />
      </DataTable.Col>
      <DataTable.Col source="source">
        <EnumField source="source" group="entry_source" />
      </DataTable.Col>
    </DataTable>
  </List>
);
