import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  ColumnsButton,
  CreateButton,
  DataTable,
  DateField,
  List,
  SelectField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';
import { wrapCell } from '../layout/theme';
import { session } from '../providers/session';
import { paperTypeChoices, writeOffStatusChoices } from '../receipts/choices';

const filters = [<SelectInput key="status" source="status" choices={writeOffStatusChoices} alwaysOn />];
const storeKey = () => `receipt-write-offs.${session.get()?.user.role ?? ''}.datatable`;
const Actions = () => (
  <TopToolbar>
    <ColumnsButton storeKey={storeKey()} />
    {useCan('create', 'receipt-write-offs') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);

/**
 * 缴销: units ask, finance approves (the stubs are then checked and written off). A unit sees only its own,
 * without the unit column, and reads why a request came back; finance decides with the 批准/退回 buttons,
 * so the request number and the reason of a returned request are in its column picker (within 1366 px).
 */
export const ReceiptWriteOffList = () => {
  const isUnit = session.get()?.user.role === 'unit';
  return (
    <List filters={filters} actions={<Actions />} exporter={false} sort={{ field: 'id', order: 'DESC' }}>
      <DataTable
        rowClick={false}
        bulkActionButtons={false}
        storeKey={storeKey()}
        hiddenColumns={isUnit ? [] : ['id', 'decisionReason']}
      >
        <DataTable.Col source="id" />
        {isUnit ? null : <DataTable.Col source="unitName" cellSx={wrapCell} />}
        <DataTable.Col source="typeCode">
          <SelectField source="typeCode" choices={paperTypeChoices} />
        </DataTable.Col>
        <DataTable.Col source="startNo" />
        <DataTable.Col source="endNo" />
        <DataTable.Col source="count" />
        <DataTable.Col source="status">
          <SelectField source="status" choices={writeOffStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="requestedAt">
          <DateField source="requestedAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
        </DataTable.Col>
        <DataTable.Col source="decisionReason" cellSx={wrapCell} />
        {isUnit ? null : (
          <DataTable.Col label="app.receipts.decide">
            <ApproveButtons />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};

const ApproveButtons = () => (
  <>
    <ActionButton
      action="approve"
      label="app.receipts.approve"
      successMessage="app.receipts.approved"
      icon={<CheckIcon />}
      confirm={{
        message: 'app.step_confirm.write_off_approve',
        params: (w, translate) => ({
          unit: w.unitName,
          type: translate(`app.receipt_types.${w.typeCode}`),
          startNo: w.startNo,
          endNo: w.endNo,
          count: w.count,
        }),
      }}
    />
    <ActionButton
      action="reject"
      label="app.receipts.reject"
      successMessage="app.receipts.rejected"
      reason="required"
      color="error"
      icon={<CloseIcon />}
    />
  </>
);
