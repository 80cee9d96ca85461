import { DataTable, List, SearchInput, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { ImportButton } from '../common/ImportButton';
import { FenField } from '../common/money';
import { paymentStatusChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="paymentStatus" source="paymentStatus" choices={paymentStatusChoices} alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <ImportButton resource="decisions" />
  </TopToolbar>
);

export const DecisionList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} actions={<ListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      <DataTable.Col source="decisionNumber" />
      <DataTable.Col source="unitName" />
      <DataTable.Col source="partyName" />
      <DataTable.Col source="plate" />
      <DataTable.Col source="fineFen">
        <FenField source="fineFen" />
      </DataTable.Col>
      <DataTable.Col source="servedOn" />
      <DataTable.Col source="paymentStatus">
        <SelectField source="paymentStatus" choices={paymentStatusChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
