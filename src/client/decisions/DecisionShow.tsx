import { Chip } from '@mui/material';
import {
  ArrayField,
  DataTable,
  DateField,
  FunctionField,
  Labeled,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { CodedField } from '../common/CodedField';
import { FenField } from '../common/money';
import { ApplyRefundButton } from './ApplyRefundButton';
import { paymentStatusChoices } from './choices';
import { DecisionReceipts } from './DecisionReceipts';
import { ProposeCorrectionButton } from './ProposeCorrectionButton';
import { RevealButton } from './RevealButton';

const Actions = () => (
  <TopToolbar>
    <ApplyRefundButton />
    <RevealButton />
    <ProposeCorrectionButton />
  </TopToolbar>
);

const dateTime = (source: string) => (
  <DateField source={source} showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
);

const Translated = ({ source, prefix }: { source: string; prefix: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<Record<string, string>>
      render={(r) => (r[source] ? translate(`${prefix}.${r[source]}`, { _: r[source] }) : '—')}
    />
  );
};

export const DecisionShow = () => (
  <Show actions={<Actions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.decisions.section.decision">
        <TextField source="decisionNumber" />
        <TextField source="unitName" />
        <TextField source="projectCode" />
        <FenField source="fineFen" />
        <TextField source="servedOn" />
        <TextField source="partyName" />
        <TextField source="idNumber" />
        <TextField source="licenceNumber" emptyText="—" />
        <TextField source="plate" emptyText="—" />
        <SelectField source="paymentStatus" choices={paymentStatusChoices} />
        <Labeled label="resources.decisions.receipts.title">
          <DecisionReceipts />
        </Labeled>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.decisions.section.timeline" path="timeline">
        <ArrayField source="events" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="at" label="resources.decisions.events.at">
              {dateTime('at')}
            </DataTable.Col>
            <DataTable.Col source="fromStatus" label="resources.decisions.events.from">
              <Translated source="fromStatus" prefix="resources.decisions.status" />
            </DataTable.Col>
            <DataTable.Col source="toStatus" label="resources.decisions.events.to">
              <Translated source="toStatus" prefix="resources.decisions.status" />
            </DataTable.Col>
            <DataTable.Col source="source" label="resources.decisions.events.source">
              <Translated source="source" prefix="resources.decisions.sources" />
            </DataTable.Col>
            <DataTable.Col source="actorName" label="resources.decisions.events.actor">
              <FunctionField<{ actorName: string | null; keyBankName: string | null; keyId: string | null }>
                render={(r) => r.actorName ?? r.keyBankName ?? r.keyId ?? '—'}
              />
            </DataTable.Col>
            <DataTable.Col source="reason" label="resources.decisions.events.reason">
              <FunctionField<{ reason: string | null; detail: object | null }>
                render={(r) =>
                  r.detail ? <CodedField source="detail" group="event_details" /> : (r.reason ?? '—')
                }
              />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.decisions.section.collections" path="collections">
        <ArrayField source="collections" label={false}>
          {/* A row opens the collection in 代收明细 (its flags, channel and business date). */}
          <DataTable bulkActionButtons={false} rowClick={(id) => `/collections/${id}/show`}>
            <DataTable.Col source="bankName" label="resources.decisions.collections.bank" />
            <DataTable.Col source="bankTxnId" label="resources.decisions.collections.txn" />
            <DataTable.Col source="amountFen" label="resources.decisions.collections.amount">
              <FenField source="amountFen" />
            </DataTable.Col>
            <DataTable.Col source="expectedFen" label="resources.decisions.collections.expected">
              <FenField source="expectedFen" />
            </DataTable.Col>
            <DataTable.Col source="collectedAt" label="resources.decisions.collections.at">
              {dateTime('collectedAt')}
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.decisions.section.flags" path="flags">
        <ArrayField source="flags" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="type" label="resources.paid-status-flags.fields.type">
              <Translated source="type" prefix="resources.paid-status-flags.types" />
            </DataTable.Col>
            <DataTable.Col source="state" label="resources.paid-status-flags.fields.state">
              <FunctionField<{ state: string }> render={(r) => <ChipState state={r.state} />} />
            </DataTable.Col>
            <DataTable.Col source="detail" label="resources.paid-status-flags.fields.detail">
              <CodedField source="detail" group="flag_details" />
            </DataTable.Col>
            <DataTable.Col source="reviewNote" label="resources.paid-status-flags.fields.reviewNote" />
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const ChipState = ({ state }: { state: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={state === 'open' ? 'warning' : 'default'}
      label={translate(`resources.paid-status-flags.states.${state}`)}
    />
  );
};
