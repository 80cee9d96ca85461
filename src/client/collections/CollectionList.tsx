import {
  BooleanInput,
  ColumnsButton,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
import { compactCells, wrapCellAt } from '../layout/theme';
import { session } from '../providers/session';
import { channelChoices } from './choices';
import { DecisionLink, MatchedField } from './fields';

const filters = (isBank: boolean) =>
  [
    <TextInput key="q" source="q" label="resources.collections.filters.q" alwaysOn resettable />,
    isBank ? null : (
      <ReferenceInput key="bankId" source="bankId" reference="banks" alwaysOn>
        <SelectInput optionText="name" label="resources.collections.fields.bankName" />
      </ReferenceInput>
    ),
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
    <DateInput key="gte" source="businessDate_gte" label="resources.collections.filters.from" alwaysOn />,
    <DateInput key="lte" source="businessDate_lte" label="resources.collections.filters.to" alwaysOn />,
    <TextInput key="decisionNumber" source="decisionNumber" />,
    <BooleanInput key="matched" source="matched" />,
  ].filter((f) => f !== null);

/**
 * 代收明细: every collection a bank pushed, in the caller's scope. Within 1366 px: a bank does not need its
 * own name and reconciles by business date (the channel is in the column picker); the others see the bank
 * (its name may take two lines) and the channel, the business date is in the picker and on the show page.
 * Cells are padded narrower: bank and simulator transaction ids (ICBCSIM…) can be 25 characters long.
 * The column choice is kept per role (storeKey), so users of one browser do not inherit each other's.
 */
export const CollectionList = () => {
  const role = session.get()?.user.role ?? '';
  const isBank = role === 'bank';
  const storeKey = `collections.${role}.datatable`;
  return (
    <List
      filters={filters(isBank)}
      sort={{ field: 'collectedAt', order: 'DESC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <ColumnsButton storeKey={storeKey} />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        storeKey={storeKey}
        sx={compactCells}
        hiddenColumns={isBank ? ['channel'] : ['businessDate']}
      >
        <DataTable.Col source="collectedAt">
          <DateField source="collectedAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
        </DataTable.Col>
        {isBank ? null : <DataTable.Col source="bankName" cellSx={wrapCellAt(100)} />}
        <DataTable.Col source="bankTxnId" />
        <DataTable.Col source="decisionNumber">
          <DecisionLink />
        </DataTable.Col>
        <DataTable.Col source="amountFen">
          <FenField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <SelectField source="channel" choices={channelChoices} />
        </DataTable.Col>
        <DataTable.Col source="businessDate" />
        <DataTable.Col source="matched">
          <MatchedField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
