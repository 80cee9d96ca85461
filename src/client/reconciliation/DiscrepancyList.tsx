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
import { compactCells, wrapCellAt } from '../layout/theme';
import { discrepancyStateChoices, discrepancyTypeChoices } from './choices';

const filters = [
  <SelectInput key="type" source="type" choices={discrepancyTypeChoices} alwaysOn />,
  <SelectInput key="state" source="state" choices={discrepancyStateChoices} alwaysOn />,
  <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NumberInput key="runId" source="runId" />,
];

/** A reference code such as ICBC2026022800000002OFFSET:offset may break anywhere instead of widening the list. */
const breakCode = () => ({ '&&&': { whiteSpace: 'normal', wordBreak: 'break-all', minWidth: 150 } });

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

/**
 * 对账差异: each with the amount on the platform's side and the bank's, its owner and state. Within 1366 px
 * with the 说明/解决 buttons: cells are padded narrower, the bank's name and the type may take two lines, a
 * long reference breaks (it is copied, not read aloud), the note wraps.
 */
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
    <DataTable rowClick={false} bulkActionButtons={false} sx={compactCells}>
      <DataTable.Col source="businessDate" />
      <DataTable.Col source="bankName" cellSx={wrapCellAt(112)} />
      <DataTable.Col source="type" cellSx={wrapCellAt(100)}>
        <SelectField source="type" choices={discrepancyTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="refKey" cellSx={breakCode} />
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
      <DataTable.Col source="note" cellSx={wrapCellAt(80)} />
      <DataTable.Col source="id" label="ra.action.edit">
        <Steps />
      </DataTable.Col>
    </DataTable>
  </List>
);
