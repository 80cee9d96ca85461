import BlockIcon from '@mui/icons-material/Block';
import { Alert, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  DateField,
  FunctionField,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionButton } from '../common/ActionButton';
import { FenField } from '../common/money';
import type { ReceiptMovement } from '../providers/dataProvider';
import { receiptStatusChoices, receiptTypeChoices } from './choices';

const Actions = () => (
  <TopToolbar>
    <ActionButton
      action="void"
      label="app.receipts.void"
      successMessage="app.receipts.voided"
      reason="required"
      color="error"
      icon={<BlockIcon />}
    />
  </TopToolbar>
);

interface ShownReceipt {
  payerLink: string | null;
  history: { movements: ReceiptMovement[]; batch: { id: number; purchasedOn: string } | null };
}

const History = () => {
  const record = useRecordContext<ShownReceipt>();
  const translate = useTranslate();
  // Right after creation the cached record is the POST answer, without its history yet.
  if (!record?.history) return null;
  return (
    <Stack spacing={0.5}>
      {record.history.batch && (
        <Typography variant="body2">
          {record.history.batch.purchasedOn} {translate('app.receipts.movement.purchase')} #
          {record.history.batch.id}
        </Typography>
      )}
      {record.history.movements
        .filter((m) => m.kind !== 'purchase')
        .map((m) => (
          <Typography variant="body2" key={m.id}>
            {m.movedOn} {translate(`app.receipts.movement.${m.kind}`)} {m.fromName ?? ''} → {m.toName} (
            {m.startNo}–{m.endNo})
          </Typography>
        ))}
    </Stack>
  );
};

const PayerLink = () => {
  const record = useRecordContext<ShownReceipt>();
  const translate = useTranslate();
  if (!record?.payerLink) return null;
  return (
    <Labeled label="app.receipts.payer_link">
      <MuiLink href={record.payerLink} target="_blank" rel="noopener">
        {translate('app.receipts.open_payer_page')}
      </MuiLink>
    </Labeled>
  );
};

const VoidNote = () => {
  const record = useRecordContext<{ status: string; voidReason: string | null }>();
  const translate = useTranslate();
  if (record?.status !== 'void') return null;
  return (
    <Alert severity="warning">
      {translate('app.receipts.void_note', { reason: record.voidReason ?? '' })}
    </Alert>
  );
};

export const ReceiptShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <VoidNote />
      <SelectField source="typeCode" choices={receiptTypeChoices} />
      <TextField source="code" emptyText="—" />
      <TextField source="number" />
      <TextField source="checkCode" emptyText="—" />
      <SelectField source="status" choices={receiptStatusChoices} />
      <TextField source="unitName" />
      <TextField source="decisionNumber" emptyText="—" />
      <TextField source="payerName" emptyText="—" />
      <FenField source="amountFen" />
      <TextField source="issuedOn" />
      <DateField
        source="writtenOffAt"
        showTime
        emptyText="—"
        locales="zh-CN"
        options={{ timeZone: 'Asia/Shanghai' }}
      />
      <FunctionField<{ refundStatus: string | null }>
        source="refundStatus"
        render={(r) => (r.refundStatus ? <RefundStatus status={r.refundStatus} /> : '—')}
      />
      <PayerLink />
      <Labeled label="app.receipts.history">
        <History />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);

const RefundStatus = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return <>{translate(`resources.decisions.status.${status}`, { _: status })}</>;
};
