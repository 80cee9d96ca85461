import { Alert, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';

const previousMonth = (today: string) => {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Last month's reconciliation deadlines (DOMAIN.md §5) and who has not signed off, on every dashboard that reconciles. */
export const ReconciliationTimetable = ({ today }: { today: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const allowed = useCan('list', 'reconciliation-signoffs');
  const statementsAllowed = useCan('list', 'reconciliation-statements');
  const month = previousMonth(today);
  const { data } = useQuery({
    queryKey: ['signoffs', month],
    queryFn: () => dataProvider.signoffs(month),
    enabled: allowed,
  });
  const book = useQuery({
    queryKey: ['reconciliation-statements', month],
    queryFn: () => dataProvider.reconciliationStatements(month),
    enabled: statementsAllowed,
  });
  const timetable = data?.timetable ?? book.data?.timetable;
  if (!timetable) return null;
  const late = data?.banks.filter((b) => b.late.length > 0) ?? [];
  const waiting = data?.banks.filter((b) => !b.locked) ?? [];
  // The 对账表 part of the timetable: the treasury producing it, the units confirming theirs.
  const duties = book.data?.duties ?? [];
  const produce = duties.find((d) => d.what === 'produce' && d.doneOn === null && d.workingDaysLate > 0);
  const confirms = duties.filter((d) => d.what === 'confirm' && d.doneOn === null && d.workingDaysLate > 0);
  return (
    <Card sx={{ mt: 2 }} data-testid="reconciliation-timetable">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.dashboard.timetable_title', { month })}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.signoffs.timetable', timetable)}
        </Typography>
        {(produce || confirms.length > 0) && (
          <Alert
            severity="error"
            sx={{ mb: 1 }}
            data-testid="statement-duties-late"
            action={
              <Button component={Link} to="/reconciliation-statements" size="small" color="inherit">
                {translate('app.rstatements.title')}
              </Button>
            }
          >
            {[
              produce &&
                translate('app.dashboard.statements_not_produced', { days: produce.workingDaysLate }),
              confirms.length > 0 &&
                translate('app.dashboard.statements_not_confirmed', {
                  count: confirms.length,
                  days: Math.max(...confirms.map((d) => d.workingDaysLate)),
                }),
            ]
              .filter(Boolean)
              .join('；')}
          </Alert>
        )}
        {!data ? null : late.length > 0 ? (
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate('app.dashboard.timetable_late', {
              list: late
                .map((b) => `${b.bankName}（${b.late.map((r) => translate(`app.roles.${r}`)).join('、')}）`)
                .join('；'),
            })}
          </Alert>
        ) : waiting.length === 0 ? (
          <Alert severity="success" sx={{ mb: 1 }}>
            {translate('app.dashboard.timetable_done')}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {data?.banks.map((b) => (
            <Chip
              key={b.bankId}
              component={Link}
              to="/reconciliation-signoffs"
              clickable
              color={b.locked ? 'success' : b.late.length ? 'error' : 'default'}
              label={`${b.bankName}：${translate(b.locked ? 'app.signoffs.locked' : b.late.length ? 'app.signoffs.late' : 'app.signoffs.waiting')}`}
            />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
