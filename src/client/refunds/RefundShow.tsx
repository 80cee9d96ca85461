import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import PaidIcon from '@mui/icons-material/Paid';
import PrintIcon from '@mui/icons-material/Print';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Link as MuiLink } from '@mui/material';
import {
  ArrayField,
  Button,
  DataTable,
  DateField,
  EditButton,
  FunctionField,
  type RaRecord,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { formatFen } from '../../domain/money';
import { type RefundUnit, refundReviewerOf } from '../../domain/refunds';
import { ActionButton, type StepConfirmation } from '../common/ActionButton';
import { FenField } from '../common/money';
import { useCan } from '../common/useCan';
import { refundReasonChoices, refundStatusChoices } from './choices';
import { DecisionLinks } from './DecisionLinks';
import { EvidenceUpload } from './EvidenceUpload';
import { RefundStatusField } from './RefundStatusField';

const EditIfAllowed = () => (useCan('edit', 'refunds', useRecordContext()) ? <EditButton /> : null);

const VoucherButton = () => {
  const record = useRecordContext();
  if (!record?.voucherNumber) return null;
  return (
    <Button component={Link} to={`/refunds/${record.id}/voucher`} label="resources.refunds.action.voucher">
      <PrintIcon />
    </Button>
  );
};

const step = (
  action: string,
  icon: React.ReactElement,
  extra: Partial<React.ComponentProps<typeof ActionButton>> = {},
) => (
  <ActionButton
    key={action}
    action={action}
    label={`resources.refunds.action.${action}`}
    successMessage={`resources.refunds.notifications.${action}`}
    icon={icon}
    {...extra}
  />
);

/** What the dialog of an irreversible step restates: amount in yuan, payee, unit, decision. */
const restate = (key: string, more: object = {}): StepConfirmation => ({
  message: `app.step_confirm.${key}`,
  params: (r) => ({
    amount: formatFen(r.amountFen),
    payee: r.payeeName,
    decision: r.decisionNumber,
    unit: r.unitName,
    bank: r.payeeBank,
    account: r.payeeAccount,
    ...more,
  }),
});

/**
 * Who reviews this refund, by name: 交警总队 for a traffic-police unit, the unit's supervising department
 * (省市场监管局 …) otherwise — the same rule the server applies (`refundReviewerOf`).
 */
const useReviewerName = (): string => {
  const translate = useTranslate();
  const record = useRecordContext<RaRecord & RefundUnit>();
  const reviewer = record ? refundReviewerOf(record) : null;
  // Only a draft is submitted: other pages do not need the department's name.
  const departmentId =
    reviewer?.role === 'dept' && record?.status === 'draft' ? reviewer.departmentId : undefined;
  const { data: department } = useGetOne(
    'departments',
    { id: departmentId ?? 0 },
    { enabled: departmentId != null },
  );
  if (reviewer?.role === 'police') return translate('resources.refunds.reviewer.police');
  return department?.name ?? translate('resources.refunds.reviewer.department');
};

const ShowActions = () => {
  const reviewer = useReviewerName();
  return (
    <TopToolbar>
      {step('submit', <SendIcon />, { confirm: restate('refund_submit', { reviewer }) })}
      {step('review', <VerifiedIcon />, { confirm: restate('refund_review') })}
      {step('return', <AssignmentReturnIcon />, { reason: 'required', color: 'warning' })}
      {step('approve', <CheckCircleIcon />, { confirm: restate('refund_approve') })}
      {step('issue-voucher', <ReceiptLongIcon />, { confirm: restate('refund_issue_voucher') })}
      {step('reissue-voucher', <ReceiptLongIcon />, { confirm: restate('refund_issue_voucher') })}
      {step('execute', <PaidIcon />, { confirm: restate('refund_execute') })}
      {step('fail', <ErrorIcon />, { reason: 'required', color: 'error' })}
      {step('reject', <BlockIcon />, { reason: 'required', color: 'error' })}
      {step('withdraw', <UndoIcon />, { color: 'warning', confirm: restate('refund_withdraw') })}
      <VoucherButton />
      <EditIfAllowed />
    </TopToolbar>
  );
};

const dateTime = (source: string) => (
  <DateField source={source} showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
);

const LastReason = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.lastReason || !['draft', 'rejected', 'failed'].includes(record.status)) return null;
  // Named by what happened: returned by the reviewer, rejected by finance, or not paid by the treasury.
  return (
    <Alert severity="warning" sx={{ mb: 1 }}>
      {translate(`resources.refunds.last_reason.${record.status}`)}：{record.lastReason}
    </Alert>
  );
};

const Timeline = () => {
  const translate = useTranslate();
  return (
    <ArrayField source="events" label={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="at" label="resources.refunds.events.at">
          {dateTime('at')}
        </DataTable.Col>
        <DataTable.Col source="action" label="resources.refunds.events.action">
          <FunctionField<{ action: string }>
            render={(r) => translate(`resources.refunds.action.${r.action}`)}
          />
        </DataTable.Col>
        <DataTable.Col source="toStatus" label="resources.refunds.fields.status">
          <SelectField source="toStatus" choices={refundStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="actorName" label="resources.refunds.events.actor" />
        <DataTable.Col source="reason" label="resources.refunds.events.reason" />
      </DataTable>
    </ArrayField>
  );
};

const Attachments = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.attachments?.length === 0 && (
        <Alert severity="info">{translate('resources.refunds.evidence.none')}</Alert>
      )}
      <ArrayField source="attachments" label={false}>
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="filename" label="resources.refunds.evidence.filename">
            <FunctionField<{ id: number; filename: string }>
              render={(a) => (
                <MuiLink
                  href={`/api/refunds/${record.id}/attachments/${a.id}`}
                  target="_blank"
                  rel="noopener"
                >
                  {a.filename}
                </MuiLink>
              )}
            />
          </DataTable.Col>
          <DataTable.Col source="mimeType" label="resources.refunds.evidence.type" />
          <DataTable.Col source="size" label="resources.refunds.evidence.size" />
          <DataTable.Col source="uploadedAt" label="resources.refunds.evidence.uploaded_at">
            {dateTime('uploadedAt')}
          </DataTable.Col>
        </DataTable>
      </ArrayField>
      <EvidenceUpload />
    </>
  );
};

export const RefundShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.refunds.section.application">
        <LastReason />
        <TextField source="id" />
        <RefundStatusField source="status" />
        <SelectField source="reason" choices={refundReasonChoices} />
        <FenField source="amountFen" />
        <TextField source="unitName" />
        <TextField source="createdByName" />
        <TextField source="payeeName" />
        <TextField source="payeeAccount" />
        <TextField source="payeeBank" />
        <TextField source="note" emptyText="—" />
        <TextField source="voucherNumber" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.refunds.section.decision" path="decision">
        <DecisionLinks />
        <TextField source="decision.decisionNumber" label="resources.decisions.fields.decisionNumber" />
        <TextField source="decision.partyName" label="resources.decisions.fields.partyName" />
        <FenField source="decision.fineFen" label="resources.decisions.fields.fineFen" />
        <TextField source="decision.servedOn" label="resources.decisions.fields.servedOn" />
        <FenField source="balance.paidFen" label="resources.refunds.fields.paidFen" />
        <FenField source="balance.refundableFen" label="resources.refunds.fields.refundableFen" />
        <ArrayField source="balance.earlier" label="resources.refunds.fields.earlier">
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="id" label="resources.refunds.fields.id" />
            <DataTable.Col source="reason" label="resources.refunds.fields.reason">
              <SelectField source="reason" choices={refundReasonChoices} />
            </DataTable.Col>
            <DataTable.Col source="amountFen" label="resources.refunds.fields.amountFen">
              <FenField source="amountFen" />
            </DataTable.Col>
            <DataTable.Col source="status" label="resources.refunds.fields.status">
              <SelectField source="status" choices={refundStatusChoices} />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.refunds.section.evidence" path="evidence">
        <Attachments />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.refunds.section.timeline" path="timeline">
        <Timeline />
        <ArrayField source="approvals" label="resources.refunds.fields.approvals">
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="name" label="resources.refunds.events.actor" />
            <DataTable.Col source="at" label="resources.refunds.events.at">
              {dateTime('at')}
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
