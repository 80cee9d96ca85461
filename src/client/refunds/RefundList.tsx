import {
  BooleanInput,
  DataTable,
  DateField,
  DateInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextInput,
} from 'react-admin';
import { parseYuan } from '../../domain/money';
import { FenField } from '../common/money';
import { fenToYuanText } from '../common/yuan';
import { wrapCell } from '../layout/theme';
import { session } from '../providers/session';
import { BulkApproveButton } from './BulkApproveButton';
import { refundReasonChoices, refundStatusChoices } from './choices';
import { moreRefundFilters, RefundListActions } from './RefundFilters';
import { RefundStatusField } from './RefundStatusField';

const yuanFilter = {
  parse: (v: string) => {
    try {
      return v ? parseYuan(v.trim()) : undefined;
    } catch {
      return undefined;
    }
  },
  format: fenToYuanText,
};

const filters = [
  <BooleanInput
    key="pendingFor"
    source="pendingFor"
    label="resources.refunds.filters.pending_for_me"
    parse={(v: boolean) => (v ? 'me' : undefined)}
    format={(v: unknown) => v === 'me'}
    alwaysOn
  />,
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={refundStatusChoices} alwaysOn />,
  <SelectInput key="reason" source="reason" choices={refundReasonChoices} alwaysOn />,
  <ReferenceInput key="unitId" source="unitId" reference="units">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <TextInput
    key="amountFen_gte"
    source="amountFen_gte"
    label="resources.refunds.filters.amount_gte"
    {...yuanFilter}
  />,
  <TextInput
    key="amountFen_lte"
    source="amountFen_lte"
    label="resources.refunds.filters.amount_lte"
    {...yuanFilter}
  />,
  <DateInput key="createdAt_lte" source="createdAt_lte" label="resources.refunds.filters.applied_before" />,
  ...moreRefundFilters,
];

const ListActions = RefundListActions;
/** In the column picker (one array: a new one each render would reset the picker's store default). */
const HIDDEN = ['createdByName'];

/** Who reads this list as an inbox (finance, reviewers, treasury) starts on "waiting for me". */
const INBOX_ROLES = ['finance', 'police', 'dept', 'treasury'];

export const RefundList = () => {
  const role = session.get()?.user.role ?? '';
  return (
    <List
      exporter={false}
      filters={filters}
      filterDefaultValues={INBOX_ROLES.includes(role) ? { pendingFor: 'me' } : {}}
      sort={{ field: 'id', order: 'DESC' }}
      actions={<ListActions />}
    >
      <DataTable rowClick="show" bulkActionButtons={<BulkApproveButton />} hiddenColumns={HIDDEN}>
        <DataTable.Col source="id" />
        <DataTable.Col source="decisionNumber" />
        {/* A unit sees only its own refunds: the unit column would repeat its own name on every row. */}
        {role !== 'unit' && <DataTable.Col source="unitName" cellSx={wrapCell} />}
        <DataTable.Col source="reason">
          <SelectField source="reason" choices={refundReasonChoices} />
        </DataTable.Col>
        <DataTable.Col source="amountFen">
          <FenField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="status" cellSx={wrapCell}>
          <RefundStatusField />
        </DataTable.Col>
        <DataTable.Col source="createdByName" />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
