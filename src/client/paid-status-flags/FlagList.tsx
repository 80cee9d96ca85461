import { Chip } from '@mui/material';
import { DataTable, DateField, FunctionField, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { CodedField } from '../common/CodedField';
import { flagTypeChoices } from '../decisions/choices';
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

export const FlagList = () => (
  <List
    filters={filters}
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
      sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}
    >
      <DataTable.Col source="type">
        <TypeChip />
      </DataTable.Col>
      <DataTable.Col source="decisionNumber">
        <TextField source="decisionNumber" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="detail">
        <CodedField source="detail" group="flag_details" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      </DataTable.Col>
      <DataTable.Col source="reviewNote">
        <TextField source="reviewNote" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
