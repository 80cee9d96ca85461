import { Alert, Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import {
  DateInput,
  Form,
  HttpError,
  SaveButton,
  TextInput,
  Title,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { isIsoDate } from '../../domain/dates';
import { amountInWords, formatFen, parseYuan } from '../../domain/money';
import type { AppDataProvider, DeadlineResult } from '../providers/dataProvider';

interface Values {
  fine: string;
  servedOn: string;
  paidOn: string;
  suspendedFrom?: string | null;
  suspendedTo?: string | null;
}

function validate(v: Values) {
  const errors: Record<string, string> = {};
  try {
    parseYuan(String(v.fine ?? ''));
  } catch {
    errors.fine = 'app.validation.amount';
  }
  for (const f of ['servedOn', 'paidOn'] as const)
    if (!v[f] || !isIsoDate(v[f])) errors[f] = 'app.validation.date';
  if (!!v.suspendedFrom !== !!v.suspendedTo) errors.suspendedTo = 'app.validation.both_dates';
  return errors;
}

/** Staff type a case in; the server computes with the loaded holiday calendars and explains each step. */
export const DeadlineCalculatorPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [problem, setProblem] = React.useState<string | null>(null);
  const { mutate, data, reset } = useMutation({
    mutationFn: (v: Values) => {
      const q: Record<string, string> = {
        fineFen: String(parseYuan(v.fine)),
        servedOn: v.servedOn,
        paidOn: v.paidOn,
      };
      if (v.suspendedFrom && v.suspendedTo)
        Object.assign(q, { suspendedFrom: v.suspendedFrom, suspendedTo: v.suspendedTo });
      return dataProvider.deadline(q);
    },
    onMutate: () => setProblem(null),
    onError: (error: Error) => {
      const body =
        error instanceof HttpError ? (error.body as { code?: string; params?: { year?: number } }) : {};
      const year = body?.code === 'calendar_missing' ? body.params?.year : undefined;
      setProblem(
        year
          ? translate('app.deadline.calendar_missing', { year })
          : translate(error.message, { _: error.message }),
      );
      reset();
    },
  });

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.deadline.title" />
      <CardContent>
        <Form
          onSubmit={(v: Record<string, unknown>) => mutate(v as unknown as Values)}
          validate={(v) => validate(v as Values)}
          defaultValues={{ fine: '200.00' }}
        >
          <Grid container spacing={2} sx={{ maxWidth: 900 }}>
            <Grid size={{ xs: 12, md: 4 }}>
              <TextInput
                source="fine"
                label="app.deadline.fine"
                helperText="app.deadline.fine_help"
                fullWidth
              />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <DateInput source="servedOn" label="app.deadline.served_on" fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <DateInput source="paidOn" label="app.deadline.paid_on" fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <DateInput source="suspendedFrom" label="app.deadline.suspended_from" fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <DateInput source="suspendedTo" label="app.deadline.suspended_to" fullWidth />
            </Grid>
          </Grid>
          <SaveButton label="app.deadline.compute" alwaysEnable icon={<span />} />
        </Form>
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
        {data && <Result r={data} />}
      </CardContent>
    </Card>
  );
};

const Result = ({ r }: { r: DeadlineResult }) => {
  const translate = useTranslate();
  const line = (key: string, value: React.ReactNode) => (
    <Box sx={{ display: 'flex', gap: 2, py: 0.5 }}>
      <Typography sx={{ minWidth: 160 }} color="text.secondary">
        {translate(key)}
      </Typography>
      <Typography data-testid={key}>{value}</Typography>
    </Box>
  );
  return (
    <Box sx={{ mt: 3 }} aria-live="polite">
      {line('app.deadline.deadline', r.deadline)}
      {line(
        'app.deadline.reasoning',
        r.movedOver.length
          ? translate('app.deadline.moved', {
              day: r.fifteenthDay,
              from: r.movedOver[0],
              to: r.movedOver.at(-1),
              deadline: r.deadline,
            })
          : translate('app.deadline.not_moved', { day: r.fifteenthDay }),
      )}
      {line('app.deadline.late_days', r.lateDays)}
      {r.suspendedDays > 0 && line('app.deadline.suspended_days', r.suspendedDays)}
      {line(
        'app.deadline.fee',
        `${formatFen(r.feeFen)}${r.capped ? `（${translate('app.deadline.capped')}）` : ''}`,
      )}
      {line('app.deadline.amount_due', `${formatFen(r.amountDueFen)}　${amountInWords(r.amountDueFen)}`)}
    </Box>
  );
};
