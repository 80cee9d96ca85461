import {
  DataTable,
  DateField,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { ServerExportButton } from '../common/ServerExportButton';

const stateChoices = ['proposed', 'confirmed', 'rejected'].map((id) => ({
  id,
  name: `resources.status-corrections.states.${id}`,
}));

const Status = ({ source }: { source: 'state' | 'toStatus'; label?: string }) => {
  const translate = useTranslate();
  const prefix = source === 'state' ? 'resources.status-corrections.states' : 'resources.decisions.status';
  return <FunctionField<Record<string, string>> render={(r) => translate(`${prefix}.${r[source]}`)} />;
};

const Decide = () => (
  <FunctionField<{ state: string }>
    render={(r) =>
      r.state === 'proposed' ? (
        <>
          <ActionButton
            action="confirm"
            label="resources.status-corrections.action.confirm"
            successMessage="resources.status-corrections.notifications.confirmed"
            reason="optional"
          />
          <ActionButton
            action="reject"
            label="resources.status-corrections.action.reject"
            successMessage="resources.status-corrections.notifications.rejected"
            reason="required"
            color="error"
          />
        </>
      ) : null
    }
  />
);

export const StatusCorrectionList = () => (
  <List
    filters={[<SelectInput key="state" source="state" choices={stateChoices} alwaysOn />]}
    filterDefaultValues={{ state: 'proposed' }}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    actions={
      <TopToolbar>
        <ServerExportButton />
      </TopToolbar>
    }
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="decisionNumber" />
      <DataTable.Col source="toStatus">
        <Status source="toStatus" />
      </DataTable.Col>
      <DataTable.Col source="reason" />
      <DataTable.Col source="proposedByName" />
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
      <DataTable.Col source="state">
        <Status source="state" />
      </DataTable.Col>
      <DataTable.Col source="decisionNote">
        <TextField source="decisionNote" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col label="resources.status-corrections.fields.decide">
        <Decide />
      </DataTable.Col>
    </DataTable>
  </List>
);
