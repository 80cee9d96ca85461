import { DataTable, DateField, DateInput, List, TextInput, TopToolbar } from 'react-admin';
import { AuditCodeField } from './AuditCodeField';
import { VerifyChainButton } from './VerifyChainButton';

const filters = [
  <TextInput key="actorUsername" source="actorUsername" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="resource" source="resource" />,
  <DateInput key="at_gte" source="at_gte" />,
  <DateInput key="at_lte" source="at_lte" />,
];

export const AuditEventList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <VerifyChainButton />
      </TopToolbar>
    }
    sort={{ field: 'id', order: 'DESC' }}
    perPage={50}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="at">
        <DateField source="at" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
      <DataTable.Col source="actorUsername" />
      <DataTable.Col source="action">
        <AuditCodeField source="action" />
      </DataTable.Col>
      <DataTable.Col source="resource">
        <AuditCodeField source="resource" />
      </DataTable.Col>
      <DataTable.Col source="recordId" />
      <DataTable.Col source="ip" />
    </DataTable>
  </List>
);
