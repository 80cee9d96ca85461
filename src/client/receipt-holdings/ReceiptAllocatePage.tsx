import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import { HttpError, Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { compressNumbers } from '../../domain/receipts';
import type { AllocationResult, AppDataProvider, ReceiptHolder } from '../providers/dataProvider';
import { paperTypeChoices } from '../receipts/choices';

interface Option {
  key: string;
  label: string;
  holder: ReceiptHolder;
  regionCode: string;
}

/** Regions and units as holders, labelled by level so the tree shows in one list. */
function useHolders(): Option[] {
  const { data: regions = [] } = useGetList('regions', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  const { data: units = [] } = useGetList('units', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  const options: Option[] = [
    ...regions.map((r) => ({
      key: `r${r.code}`,
      label: `${'　'.repeat(String(r.code).length / 2 - 1)}${r.name} 财政`,
      holder: { regionCode: String(r.code) },
      regionCode: String(r.code),
    })),
    ...units.map((u) => ({
      key: `u${u.id}`,
      label: `${'　'.repeat(String(u.regionCode).length / 2)}${u.name}`,
      holder: { unitId: Number(u.id) },
      regionCode: String(u.regionCode),
    })),
  ];
  return options.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.key.localeCompare(b.key));
}

/** 发放 wizard: type and source → recipient and count → confirm; the server splits the ranges in one transaction. */
export const ReceiptAllocatePage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const holders = useHolders();
  const [step, setStep] = React.useState(0);
  const [typeCode, setTypeCode] = React.useState('payment_form');
  const [from, setFrom] = React.useState('r63');
  const [to, setTo] = React.useState('');
  const [count, setCount] = React.useState('100');
  const [result, setResult] = React.useState<AllocationResult | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  const fromOption = holders.find((h) => h.key === from);
  const toOption = holders.find((h) => h.key === to);
  const n = Number(count);
  const countValid = Number.isInteger(n) && n > 0;
  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      dataProvider.allocateReceipts({ typeCode, from: fromOption!.holder, to: toOption!.holder, count: n }),
    onSuccess: (r) => {
      setResult(r);
      setProblem(null);
      setStep(3);
    },
    onError: (e: Error) => {
      // The refusal lists the stubs (the server spreads its details into the error body).
      const body = (e instanceof HttpError ? e.body : {}) as {
        code?: string;
        numbers?: number[];
        before?: string;
      };
      setProblem(
        body?.code === 'unchecked_stubs' && body.numbers
          ? translate('app.receipts.unchecked_stubs', {
              count: body.numbers.length,
              before: body.before,
              numbers: compressNumbers(body.numbers),
            })
          : translate(e.message, { _: e.message }),
      );
    },
  });
  const [confirming, setConfirming] = React.useState(false);
  const confirmText = translate('app.receipts.confirm_text', {
    count: n,
    type: translate(`app.receipt_types.${typeCode}`),
    from: fromOption?.label.trim(),
    to: toOption?.label.trim(),
  });
  const steps = ['app.receipts.step_source', 'app.receipts.step_target', 'app.receipts.step_confirm'];
  return (
    <Card sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="app.receipts.allocate" />
      <CardContent>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          {steps.map((s) => (
            <Step key={s}>
              <StepLabel>{translate(s)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {step === 0 && (
          <Stack spacing={2}>
            <TextField
              select
              label={translate('resources.receipt-holdings.fields.typeCode')}
              value={typeCode}
              onChange={(e) => setTypeCode(e.target.value)}
            >
              {paperTypeChoices.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {translate(c.name)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={translate('app.receipts.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            >
              {holders.map((h) => (
                <MenuItem key={h.key} value={h.key}>
                  {h.label}
                </MenuItem>
              ))}
            </TextField>
            <Box>
              <Button variant="contained" onClick={() => setStep(1)} disabled={!fromOption}>
                {translate('app.receipts.next')}
              </Button>
            </Box>
          </Stack>
        )}
        {step === 1 && (
          <Stack spacing={2}>
            <TextField
              select
              label={translate('app.receipts.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            >
              {holders
                .filter((h) => h.key !== from)
                .map((h) => (
                  <MenuItem key={h.key} value={h.key}>
                    {h.label}
                  </MenuItem>
                ))}
            </TextField>
            <TextField
              label={translate('app.receipts.count')}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              error={!countValid}
              inputProps={{ inputMode: 'numeric' }}
            />
            <Stack direction="row" spacing={1}>
              <Button onClick={() => setStep(0)}>{translate('app.receipts.back')}</Button>
              <Button variant="contained" onClick={() => setStep(2)} disabled={!toOption || !countValid}>
                {translate('app.receipts.next')}
              </Button>
            </Stack>
          </Stack>
        )}
        {step === 2 && (
          <Stack spacing={2}>
            <Typography>{confirmText}</Typography>
            {problem && <Alert severity="error">{problem}</Alert>}
            <Stack direction="row" spacing={1}>
              <Button onClick={() => setStep(1)}>{translate('app.receipts.back')}</Button>
              <Button variant="contained" onClick={() => setConfirming(true)} disabled={isPending}>
                {translate('app.receipts.allocate_now')}
              </Button>
            </Stack>
            <Dialog open={confirming} onClose={() => setConfirming(false)} fullWidth maxWidth="sm">
              <DialogTitle>{translate('app.step_confirm.allocate_title')}</DialogTitle>
              <DialogContent>
                <Alert severity="warning" data-testid="step-confirmation">
                  {confirmText}
                </Alert>
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setConfirming(false)}>{translate('app.action.cancel')}</Button>
                <Button
                  variant="contained"
                  disabled={isPending}
                  onClick={() => {
                    setConfirming(false);
                    mutate();
                  }}
                >
                  {translate('app.action.confirm')}
                </Button>
              </DialogActions>
            </Dialog>
          </Stack>
        )}
        {step === 3 && result && (
          <Alert severity="success">
            {translate('app.receipts.allocated', {
              count: result.count,
              ranges: result.ranges.map((r) => `${r.startNo}–${r.endNo}`).join('，'),
            })}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};
