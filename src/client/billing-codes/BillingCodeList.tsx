import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FunctionField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ImportButton } from '../common/ImportButton';
import { budgetLevelChoices } from '../common/levelChoices';
import { ServerExportButton } from '../common/ServerExportButton';

const statusChoices = ['active', 'retired'].map((id) => ({
  id,
  name: `resources.billing-codes.status.${id}`,
}));
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <SelectInput key="budgetLevel" source="budgetLevel" choices={budgetLevelChoices} />,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ImportButton resource="billing-codes" />
    <ServerExportButton />
  </TopToolbar>
);

const Status = () => {
  const translate = useTranslate();
  return (
    <FunctionField<{ status: string }>
      render={(r) => (
        <Chip
          size="small"
          color={r.status === 'active' ? 'success' : 'default'}
          label={translate(`resources.billing-codes.status.${r.status}`)}
        />
      )}
    />
  );
};

export const BillingCodeList = () => (
  <List
    exporter={false}
    filters={filters}
    filterDefaultValues={{ status: 'active' }}
    actions={<ListActions />}
    sort={{ field: 'projectCode', order: 'ASC' }}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="projectCode" />
      <DataTable.Col source="name" />
      <DataTable.Col source="budgetSubjectCode">
        <TextField source="budgetSubjectCode" /> <TextField source="budgetSubjectName" />
      </DataTable.Col>
      <DataTable.Col source="budgetLevel">
        <SelectField source="budgetLevel" choices={budgetLevelChoices} />
      </DataTable.Col>
      <DataTable.Col source="effectiveFrom" />
      <DataTable.Col source="effectiveTo">
        <TextField source="effectiveTo" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <Status />
      </DataTable.Col>
    </DataTable>
  </List>
);
