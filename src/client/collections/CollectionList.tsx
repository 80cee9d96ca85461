import {
  BooleanInput,
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
  useGetIdentity,
} from 'react-admin';
import { FenField } from '../common/money';
import { ServerExportButton } from '../common/ServerExportButton';
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
    <SelectInput key="channel" source="channel" choices={channelChoices} alwaysOn />,
    <DateInput key="gte" source="businessDate_gte" label="resources.collections.filters.from" alwaysOn />,
    <DateInput key="lte" source="businessDate_lte" label="resources.collections.filters.to" alwaysOn />,
    <TextInput key="decisionNumber" source="decisionNumber" />,
    <BooleanInput key="matched" source="matched" />,
  ].filter((f) => f !== null);

/** 代收明细: every collection a bank pushed, in the caller's scope; a bank does not need its own name. */
export const CollectionList = () => {
  const { identity } = useGetIdentity();
  const isBank = identity?.role === 'bank';
  return (
    <List
      filters={filters(isBank)}
      sort={{ field: 'collectedAt', order: 'DESC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="collectedAt">
          <DateField source="collectedAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
        </DataTable.Col>
        {isBank ? null : <DataTable.Col source="bankName" />}
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
