import { CreateButton, DataTable, List, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { paperTypeChoices } from '../receipts/choices';

const filters = [<SelectInput key="typeCode" source="typeCode" choices={paperTypeChoices} alwaysOn />];
const Actions = () => (
  <TopToolbar>
    {useCan('create', 'receipt-batches') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

/** 领购 purchases from the finance receipt centre. */
export const ReceiptBatchList = () => (
  <List filters={filters} actions={<Actions />} exporter={false} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="typeCode">
        <SelectField source="typeCode" choices={paperTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="startNo" />
      <DataTable.Col source="endNo" />
      <DataTable.Col source="count" />
      <DataTable.Col source="purchasedOn" />
      <DataTable.Col source="note" />
    </DataTable>
  </List>
);
