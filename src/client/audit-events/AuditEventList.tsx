import { DataTable, DateField, FilterButton, List, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { AuditActorField, AuditCodeField } from './AuditCodeField';
import { useAuditFilters } from './AuditFilters';
import { VerifyChainButton } from './VerifyChainButton';

export const AuditEventList = () => {
  const filters = useAuditFilters();
  return (
    <List
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <VerifyChainButton />
          <ServerExportButton />
        </TopToolbar>
      }
      sort={{ field: 'id', order: 'DESC' }}
      perPage={50}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="at">
          <DateField source="at" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
        </DataTable.Col>
        <DataTable.Col source="actorUsername">
          <AuditActorField />
        </DataTable.Col>
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
};
