import CheckIcon from '@mui/icons-material/Check';
import CommentIcon from '@mui/icons-material/Comment';
import {
  DataTable,
  FilterButton,
  List,
  NumberInput,
  ReferenceInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { EnumField } from '../common/CodedField';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { discrepancyStateChoices, discrepancyTypeChoices } from './choices';

const filters = [
  <SelectInput key="type" source="type" choices={discrepancyTypeChoices} alwaysOn />,
  <SelectInput key="state" source="state" choices={discrepancyStateChoices} alwaysOn />,
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NumberInput key="runId" source="runId" />,
];

const Steps = (_: { label?: string }) => {
  const d = useRecordContext<{ state: string }>();
  if (!d || d.state === 'resolved') return null;
  return (
    <>
      {d.state === 'open' && (
        <ActionButton
          action="explain"
          label="resources.discrepancies.action.explain"
          successMessage="resources.discrepancies.notifications.explained"
          icon={<CommentIcon />}
          reason="required"
        />
      )}
      <ActionButton
        action="resolve"
        label="resources.discrepancies.action.resolve"
        successMessage="resources.discrepancies.notifications.resolved"
        icon={<CheckIcon />}
        reason="required"
      />
    </>
  );
};

/** 对账差异: each with the amount on the platform's side and the bank's, its owner and state. */
export const DiscrepancyList = () => (
  <List
    filters={filters}
    sort={{ field: 'businessDate', order: 'DESC' }}
    exporter={false}
    actions={
      <TopToolbar>
        <FilterButton />
        <ServerExportButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="businessDate" />
      <DataTable.Col source="bankName" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={discrepancyTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="refKey" />
      <DataTable.Col source="platformFen">
        <FenField source="platformFen" />
      </DataTable.Col>
      <DataTable.Col source="bankFen">
        <FenField source="bankFen" />
      </DataTable.Col>
      <DataTable.Col source="owner">
        <EnumField source="owner" group="owner" />
      </DataTable.Col>
      <DataTable.Col source="state">
        <SelectField source="state" choices={discrepancyStateChoices} />
      </DataTable.Col>
      <DataTable.Col source="note" />
      <DataTable.Col source="id" label="ra.action.edit">
        <Steps />
      </DataTable.Col>
    </DataTable>
  </List>
);
