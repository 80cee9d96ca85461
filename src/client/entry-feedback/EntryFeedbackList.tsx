import DoneIcon from '@mui/icons-material/Done';
import {
  BooleanInput,
  ColumnsButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { feedbackTypeChoices } from '../remittances/choices';

const filters = [
  <SelectInput key="type" source="type" choices={feedbackTypeChoices} alwaysOn />,
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="problem" source="problem" alwaysOn />,
  <BooleanInput key="acknowledged" source="acknowledged" alwaysOn />,
];

const Acknowledge = () =>
  useRecordContext()?.acknowledgedAt ? null : (
    <ActionButton
      action="acknowledge"
      label="resources.entry-feedback.action.acknowledge"
      successMessage="resources.entry-feedback.notifications.acknowledged"
      icon={<DoneIcon />}
      reason="optional"
    />
  );

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <ServerExportButton />
  </TopToolbar>
);

/**
 * 入库反馈 for finance: every transfer the treasury entered late, partly, wrongly or not at all. The
 * acknowledgement time is empty in the default (unacknowledged) view: it waits behind the column picker.
 */
export const EntryFeedbackList = () => (
  <List
    filters={filters}
    actions={<Actions />}
    exporter={false}
    filterDefaultValues={{ acknowledged: false, problem: true }}
    sort={{ field: 'computedAt', order: 'DESC' }}
  >
    <DataTable rowClick={false} bulkActionButtons={false} hiddenColumns={['acknowledgedAt']}>
      <DataTable.Col source="businessDate" />
      <DataTable.Col source="bankName" />
      <DataTable.Col source="reference" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={feedbackTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="expectedFen">
        <FenField source="expectedFen" />
      </DataTable.Col>
      <DataTable.Col source="enteredFen">
        <FenField source="enteredFen" />
      </DataTable.Col>
      <DataTable.Col source="acknowledgedAt">
        <DateField
          source="acknowledgedAt"
          showTime
          locales="zh-CN"
          options={{ timeZone: 'Asia/Shanghai' }}
          emptyText="—"
        />
      </DataTable.Col>
      <DataTable.Col label="ra.action.edit">
        <Acknowledge />
      </DataTable.Col>
    </DataTable>
  </List>
);
