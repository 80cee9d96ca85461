import {
  ArrayField,
  DataTable,
  DateField,
  FunctionField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useTranslate,
} from 'react-admin';
import { CodedField } from '../common/CodedField';
import { FenField } from '../common/money';
import { channelChoices } from './choices';
import { DecisionLink, MatchedField } from './fields';

const time = (source: string) => (
  <DateField source={source} showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
);

const FlagType = (_: { label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<{ type: string; state: string }>
      render={(r) =>
        `${translate(`resources.paid-status-flags.types.${r.type}`)}（${translate(`resources.paid-status-flags.states.${r.state}`)}）`
      }
    />
  );
};

/** One collection as the bank pushed it, how it matched, and the flags it raised. */
export const CollectionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="bankName" />
      <TextField source="bankTxnId" />
      <DecisionLink label="resources.collections.fields.decisionNumber" />
      <FenField source="amountFen" />
      <FenField source="expectedFen" />
      <SelectField source="channel" choices={channelChoices} />
      {time('collectedAt')}
      <TextField source="businessDate" />
      {time('receivedAt')}
      <MatchedField label="resources.collections.fields.matched" />
      <ArrayField source="flags">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyFlags />}>
          <DataTable.Col source="type" label="resources.paid-status-flags.fields.type">
            <FlagType />
          </DataTable.Col>
          <DataTable.Col source="detail" label="resources.paid-status-flags.fields.detail">
            <CodedField source="detail" group="flag_details" />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="resources.paid-status-flags.fields.createdAt">
            {time('createdAt')}
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);

const EmptyFlags = () => {
  const translate = useTranslate();
  return <span>{translate('resources.collections.no_flags')}</span>;
};
