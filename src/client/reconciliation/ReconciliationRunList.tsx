import {
  Button,
  CreateButton,
  DataTable,
  DateField,
  List,
  ReferenceField,
  SelectField,
  TextField,
  TopToolbar,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { wrapCellAt } from '../layout/theme';
import { periodTypeChoices, runStatusChoices } from './choices';
import { RunProgress } from './RunProgress';

const Actions = () => (
  <TopToolbar>
    <Button component={Link} to="/reconciliation-signoffs" label="app.signoffs.title" />
    {useCan('create', 'reconciliation-runs') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

export const ReconciliationRunList = () => (
  <List
    actions={<Actions />}
    exporter={false}
    empty={false}
    sort={{ field: 'id', order: 'DESC' }}
    queryOptions={{ refetchInterval: 2000 }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="periodType">
        <SelectField source="periodType" choices={periodTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="periodStart" />
      <DataTable.Col source="bankId" cellSx={wrapCellAt(100)}>
        <ReferenceField
          source="bankId"
          reference="banks"
          link={false}
          emptyText="resources.reconciliation-runs.all_banks"
        >
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={runStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="chunksDone">
        <RunProgress />
      </DataTable.Col>
      <DataTable.Col source="found" />
      <DataTable.Col source="startedByName" cellSx={wrapCellAt(100)} />
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
    </DataTable>
  </List>
);
