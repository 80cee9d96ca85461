import {
  ColumnsButton,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { formatReceiptNumber } from '../../domain/receipts';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { wrapCell } from '../layout/theme';
import { session } from '../providers/session';
import { receiptStatusChoices, receiptTypeChoices } from './choices';

const filters = [
  <SelectInput key="typeCode" source="typeCode" choices={receiptTypeChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={receiptStatusChoices} alwaysOn />,
  <TextInput key="number" source="number" />,
  <TextInput key="decisionNumber" source="decisionNumber" />,
  <DateInput key="issuedOn_gte" source="issuedOn_gte" />,
  <DateInput key="issuedOn_lte" source="issuedOn_lte" />,
];
const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    {useCan('create', 'receipts') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

// A unit sees only its own receipts: the unit column would repeat its name on every row.
const isUnit = () => session.get()?.user.role === 'unit';

/** Within 1366 px: the receipt code, payer and write-off mark are behind the column picker and on the receipt's page. */
const HIDDEN = ['code', 'payerName', 'writtenOff'];

export const ReceiptList = () => (
  <List filters={filters} actions={<Actions />} exporter={false} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false} hiddenColumns={HIDDEN}>
      <DataTable.Col source="typeCode">
        <SelectField source="typeCode" choices={receiptTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="number">
        <FunctionField<{ number: number; code: string }>
          render={(r) => (r.code ? formatReceiptNumber(r.number) : r.number)}
        />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={receiptStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="issuedOn" />
      {isUnit() ? null : <DataTable.Col source="unitName" cellSx={wrapCell} />}
      <DataTable.Col source="decisionNumber" />
      <DataTable.Col source="amountFen">
        <FenField source="amountFen" />
      </DataTable.Col>
      <DataTable.Col source="code" />
      <DataTable.Col source="payerName" />
      <DataTable.Col source="writtenOff">
        <FunctionField<{ writtenOff: boolean }> render={(r) => (r.writtenOff ? '✓' : '')} />
      </DataTable.Col>
    </DataTable>
  </List>
);
