import { Alert, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';
import type { AppDataProvider, ReceiptHistory } from '../providers/dataProvider';
import { receiptTypeChoices } from './choices';

/** The auditor's view of one receipt number: purchase, each hand-over, use, void, write-off. */
export const ReceiptHistoryPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [typeCode, setTypeCode] = React.useState('payment_form');
  const [code, setCode] = React.useState('');
  const [number, setNumber] = React.useState('');
  const { mutate, data, error, isPending } = useMutation<ReceiptHistory, Error>({
    mutationFn: () =>
      dataProvider.receiptHistory({ typeCode, number, ...(typeCode === 'e_receipt' ? { code } : {}) }),
  });
  const lines: string[] = [];
  if (data) {
    if (data.batch)
      lines.push(
        `${data.batch.purchasedOn} ${translate('app.receipts.movement.purchase')} #${data.batch.id} (${data.batch.startNo}–${data.batch.endNo})`,
      );
    if (data.segment)
      lines.push(
        `${translate('resources.e-receipt-segments.name', { smart_count: 1 })} ${data.segment.code} ${data.segment.startNo}–${data.segment.endNo}`,
      );
    for (const m of data.movements.filter((x) => x.kind !== 'purchase'))
      lines.push(
        `${m.movedOn} ${translate(`app.receipts.movement.${m.kind}`)} ${m.fromName ?? ''} → ${m.toName}`,
      );
    if (data.receipt) {
      lines.push(
        `${data.receipt.issuedOn} ${data.unitName ?? ''} ${translate('app.receipts.issued_line', { amount: formatFen(data.receipt.amountFen) })}`,
      );
      if (data.receipt.status === 'void')
        lines.push(translate('app.receipts.void_note', { reason: data.receipt.voidReason ?? '' }));
      if (data.receipt.refundStatus)
        lines.push(translate(`resources.decisions.status.${data.receipt.refundStatus}`));
    } else lines.push(translate('app.receipts.not_used'));
    if (data.writeOff)
      lines.push(
        translate('app.receipts.write_off_line', {
          id: data.writeOff.id,
          status: translate(`app.write_off_status.${data.writeOff.status}`),
        }),
      );
    else if (data.receipt?.writtenOffAt) lines.push(translate('app.receipts.auto_written_off'));
  }
  return (
    <Card sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="app.receipts.history_title" />
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
          <TextField
            select
            label={translate('resources.receipts.fields.typeCode')}
            value={typeCode}
            onChange={(e) => setTypeCode(e.target.value)}
            sx={{ minWidth: 200 }}
          >
            {receiptTypeChoices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          {typeCode === 'e_receipt' && (
            <TextField
              label={translate('resources.receipts.fields.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
          <TextField
            label={translate('resources.receipts.fields.number')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
          <Button variant="contained" onClick={() => mutate()} disabled={isPending || !/^\d+$/.test(number)}>
            {translate('app.receipts.look_up')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>}
        {data && (
          <Stack spacing={0.5} data-testid="receipt-history">
            {lines.map((l) => (
              <Typography key={l} variant="body2">
                {l}
              </Typography>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
