import { DataTable, DateInput, List, ReferenceInput, SelectField, SelectInput } from 'react-admin';
import { FenField } from '../common/money';
import { remittanceStatusChoices } from './choices';
import { YuanDaysField } from './yuanDays';

const filters = [
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={remittanceStatusChoices} alwaysOn />,
  <DateInput
    key="dueDate_gte"
    source="dueDate_gte"
    label="resources.remittances.filters.due_from"
    alwaysOn
  />,
  <DateInput key="dueDate_lte" source="dueDate_lte" label="resources.remittances.filters.due_to" alwaysOn />,
];

/** Obligations by due date; the drill-down of the timeliness page; a row opens the collections it covers. */
export const RemittanceList = () => (
  <List filters={filters} sort={{ field: 'dueDate', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      <DataTable.Col source="dueDate" />
      <DataTable.Col source="bankName" />
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
