import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';

const Actions = () => (
  <TopToolbar>
    {useCan('create', 'e-receipt-segments') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

/** 电子票据号段 handed to each unit; remaining numbers fall as bank confirmations arrive. */
export const EReceiptSegmentList = () => (
  <List actions={<Actions />} exporter={false} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="unitName" />
      <DataTable.Col source="code" />
      <DataTable.Col source="startNo" />
      <DataTable.Col source="endNo" />
      <DataTable.Col source="total" />
      <DataTable.Col source="remaining" />
    </DataTable>
  </List>
);
