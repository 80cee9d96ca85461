import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as React from 'react';
import { Loading, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { shanghaiDateTime } from '../../domain/i18n';
import { formatFen } from '../../domain/money';
import { useCan } from '../common/useCan';
import type { AppDataProvider, ReconciliationStatement, StatementDuty } from '../providers/dataProvider';
import { ExportLinks, isMonth, MonthField, PrintButton, ReportPrintStyles, useLastMonth } from './common';

const STATUS_COLOR = { produced: 'warning', confirmed: 'success', disputed: 'error' } as const;
type Answer = { statement: ReconciliationStatement; action: 'confirm' | 'dispute' };

/**
 * 国库对账表: the treasury produces each unit's statement per bank from the data (collected against
 * entered into the treasury, per budget subject and level); the unit confirms it or disputes it with
 * a note; the timetable below says who has not done their part and by how many working days.
 */
export const ReconciliationStatementPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const lastMonth = useLastMonth();
  const [picked, setPicked] = React.useState<string | null>(null);
  const month = picked ?? lastMonth;
  const { data, isPending, error } = useQuery({
    queryKey: ['reconciliation-statements', month],
    queryFn: () => dataProvider.reconciliationStatements(month),
    enabled: isMonth(month),
  });
  const mayProduce = useCan('create', 'reconciliation-statements');
  const mayAnswer = useCan('confirm', 'reconciliation-statements');
  const mayExport = useCan('export', 'reconciliation-statements');
  const [producing, setProducing] = React.useState(false);
  const [answering, setAnswering] = React.useState<Answer | null>(null);
  const [note, setNote] = React.useState('');
  const t = (k: string, o?: object) => translate(`app.rstatements.${k}`, o);
  const f = (k: string) => t(`fields.${k}`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reconciliation-statements', month] });
  const fail = (e: Error) => notify(e.message, { type: 'error' });
  const produce = useMutation({
    mutationFn: () => dataProvider.produceStatements(month),
    onSuccess: (r) => {
      setProducing(false);
      notify(t('produced', { count: r.produced }), { type: 'info' });
      refresh();
    },
    onError: fail,
  });
  const answer = useMutation({
    mutationFn: (a: Answer) => dataProvider.answerStatement(a.statement.id, a.action, note.trim()),
    onSuccess: (_, a) => {
      setAnswering(null);
      setNote('');
      notify(t(a.action === 'confirm' ? 'confirmed' : 'disputed'), { type: 'info' });
      refresh();
    },
    onError: fail,
  });
  const statements = data?.statements ?? [];
  const total = statements.reduce(
    (s, x) => ({
      count: s.count + x.count,
      collectedFen: s.collectedFen + x.collectedFen,
      enteredFen: s.enteredFen + x.enteredFen,
    }),
    { count: 0, collectedFen: 0, enteredFen: 0 },
  );
  const money = (fen: number) => (
    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
      {formatFen(fen)}
    </TableCell>
  );
  return (
    <Box sx={{ mt: 2 }}>
      <ReportPrintStyles />
      <Title title="app.rstatements.title" />
      <Stack
        direction="row"
        spacing={2}
        className="no-print"
        sx={{ mb: 2, alignItems: 'center', '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 } }}
      >
        <MonthField label={t('month')} value={month} onChange={setPicked} />
        {mayProduce && (
          <Button variant="contained" size="small" disabled={!data} onClick={() => setProducing(true)}>
            {t('produce')}
          </Button>
        )}
        {mayExport && (
          <ExportLinks
            path={`/api/reconciliation-statements/export?month=${month}`}
            label={t('export')}
            disabled={statements.length === 0}
          />
        )}
        <PrintButton label={t('print')} disabled={statements.length === 0} />
      </Stack>
      {isPending && isMonth(month) && <Loading />}
      {error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>}
      {data && (
        <Card sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="h6" sx={{ textAlign: 'center', mb: 1 }}>
              {t('heading', { month })}
            </Typography>
            {statements.length === 0 ? (
              <Alert severity="info">{t('none')}</Alert>
            ) : (
              <Table size="small" aria-label={t('title')} data-testid="reconciliation-statements">
                <TableHead>
                  <TableRow>
                    {['unitName', 'bankName', 'budgetSubjectCode', 'budgetLevel'].map((k) => (
                      <TableCell key={k}>{f(k)}</TableCell>
                    ))}
                    {['count', 'collectedFen', 'enteredFen', 'differenceFen'].map((k) => (
                      <TableCell key={k} align="right">
                        {f(k)}
                      </TableCell>
                    ))}
                    <TableCell>{f('status')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {statements.map((s) =>
                    s.lines.map((l, i) => (
                      <TableRow
                        key={`${s.id}-${l.budgetSubjectCode}-${l.budgetLevel}`}
                        data-testid={i === 0 ? `statement-${s.id}` : undefined}
                      >
                        {i === 0 && (
                          <>
                            <TableCell rowSpan={s.lines.length}>{s.unitName}</TableCell>
                            <TableCell rowSpan={s.lines.length}>{s.bankName}</TableCell>
                          </>
                        )}
                        <TableCell>{l.budgetSubjectCode ?? '—'}</TableCell>
                        <TableCell>
                          {l.budgetLevel ? translate(`app.budget_levels.${l.budgetLevel}`) : '—'}
                        </TableCell>
                        <TableCell align="right">{l.count}</TableCell>
                        {money(l.collectedFen)}
                        {money(l.enteredFen)}
                        {money(l.collectedFen - l.enteredFen)}
                        {i === 0 && (
                          <TableCell rowSpan={s.lines.length}>
                            <StatementState
                              statement={s}
                              mayAnswer={mayAnswer}
                              onAnswer={(action) => {
                                setNote('');
                                setAnswering({ statement: s, action });
                              }}
                            />
                          </TableCell>
                        )}
                      </TableRow>
                    )),
                  )}
                  <TableRow sx={{ '& td': { fontWeight: 'bold' } }} data-testid="statements-total">
                    <TableCell colSpan={4}>{f('total')}</TableCell>
                    <TableCell align="right">{total.count}</TableCell>
                    {money(total.collectedFen)}
                    {money(total.enteredFen)}
                    {money(total.collectedFen - total.enteredFen)}
                    <TableCell />
                  </TableRow>
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      )}
      {data && <Duties duties={data.duties} />}
      <Dialog open={producing} onClose={() => setProducing(false)} fullWidth maxWidth="sm">
        <DialogTitle>{t('produce')}</DialogTitle>
        <DialogContent data-testid="step-confirmation">
          <Typography>{t('produce_confirm', { month })}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setProducing(false)}>{translate('app.action.cancel')}</Button>
          <Button variant="contained" disabled={produce.isPending} onClick={() => produce.mutate()}>
            {translate('app.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={!!answering} onClose={() => setAnswering(null)} fullWidth maxWidth="sm">
        <DialogTitle>{answering && t(answering.action)}</DialogTitle>
        <DialogContent data-testid="step-confirmation">
          {answering && (
            <Typography sx={{ mb: 1 }}>
              {t(`${answering.action}_text`, {
                month,
                unit: answering.statement.unitName,
                bank: answering.statement.bankName,
                collected: formatFen(answering.statement.collectedFen),
                entered: formatFen(answering.statement.enteredFen),
              })}
            </Typography>
          )}
          {answering?.action === 'dispute' && (
            <TextField
              label={t('note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required
              fullWidth
              multiline
              margin="dense"
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAnswering(null)}>{translate('app.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={answer.isPending || (answering?.action === 'dispute' && !note.trim())}
            onClick={() => answering && answer.mutate(answering)}
          >
            {translate('app.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

const StatementState = ({
  statement: s,
  mayAnswer,
  onAnswer,
}: {
  statement: ReconciliationStatement;
  mayAnswer: boolean;
  onAnswer: (action: 'confirm' | 'dispute') => void;
}) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.rstatements.${k}`, o);
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip size="small" color={STATUS_COLOR[s.status]} label={t(`statuses.${s.status}`)} />
      {s.answeredByName && s.answeredAt && (
        <Typography variant="caption" color="text.secondary">
          {t('answered', { name: s.answeredByName, at: shanghaiDateTime(s.answeredAt) })}
        </Typography>
      )}
      {s.note && <Typography variant="caption">{s.note}</Typography>}
      {mayAnswer && s.status === 'produced' && (
        <Stack direction="row" spacing={0.5} className="no-print">
          <Button size="small" variant="outlined" onClick={() => onAnswer('confirm')}>
            {t('confirm')}
          </Button>
          <Button size="small" color="warning" onClick={() => onAnswer('dispute')}>
            {t('dispute')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};

/** Who has not done their part of the month yet, or did it late, with the working days. */
const Duties = ({ duties }: { duties: StatementDuty[] }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.rstatements.duties.${k}`, o);
  const shown = duties.filter((d) => d.doneOn === null || d.workingDaysLate > 0);
  const party = (d: StatementDuty) =>
    d.party === 'unit'
      ? d.name
      : d.name
        ? `${translate(`app.roles.${d.party}`)}（${d.name}）`
        : translate(`app.roles.${d.party}`);
  return (
    <Card data-testid="statement-duties">
      <CardContent>
        <Typography variant="subtitle1">{t('title')}</Typography>
        {shown.length === 0 ? (
          <Alert severity="success">{t('none')}</Alert>
        ) : (
          <Table size="small" aria-label={t('title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('party')}</TableCell>
                <TableCell>{t('what')}</TableCell>
                <TableCell>{t('due')}</TableCell>
                <TableCell>{t('done')}</TableCell>
                <TableCell>{t('late')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((d) => (
                <TableRow key={`${d.party}-${d.what}-${d.name}`}>
                  <TableCell>{party(d)}</TableCell>
                  <TableCell>{t(`whats.${d.what}`)}</TableCell>
                  <TableCell>{d.due}</TableCell>
                  <TableCell>{d.doneOn ?? t('not_done')}</TableCell>
                  <TableCell>
                    {d.workingDaysLate > 0 ? (
                      <Chip
                        size="small"
                        color={d.doneOn ? 'warning' : 'error'}
                        label={t('late_days', { days: d.workingDaysLate })}
                      />
                    ) : (
                      t('not_due')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
