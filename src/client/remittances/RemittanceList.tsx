import {
  ColumnsButton,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { wrapCellAt } from '../layout/theme';
import { session } from '../providers/session';
import { remittanceStatusChoices } from './choices';
import { YuanDaysField } from './yuanDays';

const filters = [
  <SelectInput key="status" source="status" choices={remittanceStatusChoices} alwaysOn />,
  <DateInput
    key="dueDate_gte"
    source="dueDate_gte"
    label="resources.remittances.filters.due_from"
    alwaysOn
  />,
  <DateInput key="dueDate_lte" source="dueDate_lte" label="resources.remittances.filters.due_to" alwaysOn />,
];
const bankFilter = (
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>
);

const RemittanceListActions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ServerExportButton />
  </TopToolbar>
);

/**
 * Obligations by due date; the drill-down of the timeliness page; a row opens the collections it covers.
 * A bank sees only its own obligations, so it gets neither the bank filter nor the bank column; for the
 * others the bank's name may take two lines, which keeps the list within 1366 px.
 */
export const RemittanceList = () => {
  const isBank = session.get()?.user.role === 'bank';
  return (
    <List
      filters={isBank ? filters : [bankFilter, ...filters]}
      sort={{ field: 'dueDate', order: 'DESC' }}
      actions={<RemittanceListActions />}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="dueDate" />
        {!isBank && <DataTable.Col source="bankName" cellSx={wrapCellAt(100)} />}
        <DataTable.Col source="collectionCount" />
        <DataTable.Col source="amountFen">
          <FenField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="remittedFen">
          <FenField source="remittedFen" />
        </DataTable.Col>
        <DataTable.Col source="remittedOn" />
        <DataTable.Col source="status">
          <SelectField source="status" choices={remittanceStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="workingDaysLate" />
        <DataTable.Col source="heldFenDays">
          <YuanDaysField source="heldFenDays" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
