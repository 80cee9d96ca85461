import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import GavelIcon from '@mui/icons-material/Gavel';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import { Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { useCan } from '../common/useCan';
import { AgreementStatusField, OverdueFilingField } from './AgreementStatusField';
import { exchangeChoices, remittanceChoices } from './choices';

const EditIfAllowed = () => {
  const record = useRecordContext();
  return useCan('edit', 'agreements', record) ? <EditButton /> : null;
};

const ShowActions = () => (
  <TopToolbar>
    <ActionButton
      action="activate"
      label="resources.agreements.action.activate"
      successMessage="resources.agreements.notifications.activate"
      icon={<CheckCircleIcon />}
      confirm={{
        message: 'app.step_confirm.agreement_activate',
        params: (a) => ({ agreementNo: a.agreementNo, bank: a.bankName, region: a.regionName }),
      }}
    />
    <ActionButton
      action="suspend"
      label="resources.agreements.action.suspend"
      successMessage="resources.agreements.notifications.suspend"
      icon={<PauseCircleIcon />}
      reason="required"
      color="warning"
    />
    <ActionButton
      action="terminate"
      label="resources.agreements.action.terminate"
      successMessage="resources.agreements.notifications.terminate"
      icon={<BlockIcon />}
      reason="required"
      color="error"
    />
    <ActionButton
      action="file"
      label="resources.agreements.action.file"
      successMessage="resources.agreements.notifications.file"
      icon={<GavelIcon />}
      extraField={{ name: 'reference', label: 'resources.agreements.fields.reference' }}
    />
    <EditIfAllowed />
  </TopToolbar>
);

const HistoryAction = () => {
  const translate = useTranslate();
  return (
    <FunctionField<{ action: string }>
      render={(r) => translate(`resources.agreements.history.${r.action}`)}
    />
  );
};

export const AgreementShow = () => {
  // Supervision notes are the treasury's; the tab exists only for roles that may read them.
  const canReadNotes = useCan('list', 'supervision-notes');
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.agreements.section.terms">
          <TextField source="agreementNo" />
          <AgreementStatusField label="resources.agreements.fields.status" />
          <TextField source="bankName" />
          <TextField source="regionName" />
          <SelectField source="remittanceMethod" choices={remittanceChoices} />
          <SelectField source="dataExchangeMethod" choices={exchangeChoices} />
          <TextField source="cutoffTime" />
          <TextField source="signedOn" />
          <TextField source="effectiveFrom" />
          <TextField source="effectiveTo" emptyText="—" />
          <TextField source="note" emptyText="—" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.agreements.section.account" path="account">
          <TextField source="accountName" />
          <TextField source="accountNumber" />
          <TextField source="accountBranch" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.agreements.section.filing" path="filing">
          <TextField source="filingDueOn" />
          <TextField source="filedOn" emptyText="—" />
          <TextField source="filingReference" emptyText="—" />
          <Labeled label="resources.agreements.fields.overdueFiling">
            <OverdueFilingField />
          </Labeled>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.agreements.fields.history" path="history">
          <ArrayField source="history" label={false}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="at" label="resources.agreements.history.at">
                <DateField source="at" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
              </DataTable.Col>
              <DataTable.Col source="action" label="resources.agreements.fields.status">
                <HistoryAction />
              </DataTable.Col>
              <DataTable.Col source="actorName" label="resources.agreements.history.actor" />
              <DataTable.Col source="reason" label="resources.agreements.fields.reason" />
            </DataTable>
          </ArrayField>
        </TabbedShowLayout.Tab>
        {canReadNotes && (
          <TabbedShowLayout.Tab label="resources.agreements.section.notes" path="notes">
            <ReferenceManyField
              reference="supervision-notes"
              target="agreementId"
              label={false}
              empty={<Typography variant="body2">—</Typography>}
            >
              <DataTable bulkActionButtons={false}>
                <DataTable.Col source="periodStart" />
                <DataTable.Col source="periodEnd" />
                <DataTable.Col source="text" />
                <DataTable.Col source="authorName" />
              </DataTable>
            </ReferenceManyField>
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};
