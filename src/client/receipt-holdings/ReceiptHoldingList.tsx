import CallSplitIcon from '@mui/icons-material/CallSplit';
import { Box } from '@mui/material';
import {
  Button,
  DataTable,
  FunctionField,
  List,
  Pagination,
  SelectField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { paperTypeChoices } from '../receipts/choices';

const filters = [<SelectInput key="typeCode" source="typeCode" choices={paperTypeChoices} alwaysOn />];
const Actions = () => (
  <TopToolbar>
    {useCan('allocate', 'receipt-holdings') ? (
      <Button component={Link} to="/receipt-holdings/allocate" label="app.receipts.allocate">
        <CallSplitIcon />
      </Button>
    ) : null}
    <ServerExportButton />
  </TopToolbar>
);

// Deeper levels are indented, so the list reads as the stock tree province → city → county → unit.
const depth = (r: { regionCode: string; unitId: number | null }) =>
  r.regionCode.length / 2 - 1 + (r.unitId ? 1 : 0);

/** The stock tree: who holds which numbers right now. */
export const ReceiptHoldingList = () => (
  <List
    filters={filters}
    actions={<Actions />}
    exporter={false}
    sort={{ field: 'regionCode', order: 'ASC' }}
    perPage={100}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    empty={false}
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="holderName">
        <FunctionField<{ holderName: string; regionCode: string; unitId: number | null }>
          render={(r) => <Box sx={{ pl: depth(r) * 3 }}>{r.holderName}</Box>}
        />
      </DataTable.Col>
      <DataTable.Col source="typeCode">
        <SelectField source="typeCode" choices={paperTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="startNo" />
      <DataTable.Col source="endNo" />
      <DataTable.Col source="count" />
      <DataTable.Col source="receivedOn" />
    </DataTable>
  </List>
);
