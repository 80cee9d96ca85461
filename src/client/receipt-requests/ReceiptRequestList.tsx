import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { CreateButton, DataTable, DateField, List, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { paperTypeChoices } from '../receipts/choices';

export const requestStatusChoices = ['requested', 'fulfilled', 'rejected'].map((id) => ({
  id,
  name: `app.request_status.${id}`,
}));
const filters = [<SelectInput key="status" source="status" choices={requestStatusChoices} alwaysOn />];
const Actions = () => (
  <TopToolbar>
    {useCan('create', 'receipt-requests') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

const Decide = () => (
  <>
    <ActionButton
      action="approve"
      label="app.receipts.fulfil"
      successMessage="app.receipts.fulfilled"
      icon={<CheckIcon />}
      confirm={{
        message: 'app.step_confirm.request_fulfil',
        params: (r, translate) => ({
          unit: r.unitName,
          type: translate(`app.receipt_types.${r.typeCode}`),
          count: r.count,
        }),
      }}
    />
    <ActionButton
      action="reject"
      label="app.receipts.decline"
      successMessage="app.receipts.declined"
      reason="required"
      color="error"
      icon={<CloseIcon />}
    />
  </>
);

/** 申请领用: units ask for stock; finance fulfils with one click (the stock is allocated at once) or declines. */
export const ReceiptRequestList = () => (
  <List filters={filters} actions={<Actions />} exporter={false} sort={{ field: 'id', order: 'DESC' }}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="unitName" />
      <DataTable.Col source="typeCode">
        <SelectField source="typeCode" choices={paperTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="count" />
      <DataTable.Col source="note" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={requestStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="requestedAt">
        <DateField source="requestedAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
      <DataTable.Col source="decisionReason" />
      <DataTable.Col label="app.receipts.decide">
        <Decide />
      </DataTable.Col>
    </DataTable>
  </List>
);
