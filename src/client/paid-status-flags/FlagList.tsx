import { Chip } from '@mui/material';
import {
  ColumnsButton,
  DataTable,
  DateField,
  FilterButton,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { CodedField } from '../common/CodedField';
import { ServerExportButton } from '../common/ServerExportButton';
import { flagTypeChoices } from '../decisions/choices';
import { wrapCell } from '../layout/theme';
import { BulkReviewButton } from './BulkReviewButton';
import { FlagCounts } from './FlagCounts';

const stateChoices = ['open', 'reviewed'].map((id) => ({
  id,
  name: `resources.paid-status-flags.states.${id}`,
}));
const filters = [
  <SelectInput key="state" source="state" choices={stateChoices} alwaysOn />,
  <SelectInput key="type" source="type" choices={flagTypeChoices} alwaysOn />,
];

const TypeChip = () => {
  const translate = useTranslate();
  return (
    <FunctionField<{ type: string }>
      render={(r) => <Chip size="small" label={translate(`resources.paid-status-flags.types.${r.type}`)} />}
    />
  );
};

/** The review note is empty in the default (open) view: it hides behind the column picker. */
const FlagListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <ServerExportButton />
  </TopToolbar>
);

export const FlagList = () => (
  <List
    filters={filters}
    actions={<FlagListActions />}
    exporter={false}
    filterDefaultValues={{ state: 'open' }}
    sort={{ field: 'id', order: 'DESC' }}
    aside={undefined}
    title="resources.paid-status-flags.name"
  >
    <FlagCounts />
    <DataTable
      rowClick={(_id, _resource, record) =>
        record.decisionId ? `/decisions/${record.decisionId}/show/timeline` : false
      }
      bulkActionButtons={<BulkReviewButton />}
      hiddenColumns={['reviewNote']}
    >
      <DataTable.Col source="type">
        <TypeChip />
      </DataTable.Col>
      <DataTable.Col source="decisionNumber">
        <TextField source="decisionNumber" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="detail" cellSx={wrapCell}>
        <CodedField source="detail" group="flag_details" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
      <DataTable.Col source="reviewNote" cellSx={wrapCell}>
        <TextField source="reviewNote" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
