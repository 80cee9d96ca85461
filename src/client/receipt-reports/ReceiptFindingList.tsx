import { DataTable, FunctionField, List, SelectField, TopToolbar, useTranslate } from 'react-admin';
import { RECEIPT_FINDING_TYPES } from '../../domain/receipts';
import { ServerExportButton } from '../common/ServerExportButton';
import { receiptTypeChoices } from '../receipts/choices';

const findingChoices = RECEIPT_FINDING_TYPES.map((id) => ({ id, name: `app.receipt_findings.${id}` }));

const Detail = () => {
  const translate = useTranslate();
  return (
    <FunctionField<{ type: string; count: number }>
      render={(r) => translate(`app.receipt_findings_detail.${r.type}`, { count: r.count })}
    />
  );
};

/** Stock alerts: low stock, gaps, receipts without payment, void rate, unchecked stubs, queued e-receipts. */
export const ReceiptFindingList = () => (
  <List
    pagination={false}
    perPage={1000}
    exporter={false}
    empty={false}
    actions={
      <TopToolbar>
        <ServerExportButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="type">
        <SelectField source="type" choices={findingChoices} />
      </DataTable.Col>
      <DataTable.Col source="unitName" />
      <DataTable.Col source="typeCode">
        <SelectField source="typeCode" choices={receiptTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="count" />
      <DataTable.Col label="resources.receipt-findings.fields.detail">
        <Detail />
      </DataTable.Col>
    </DataTable>
  </List>
);
