import {
  Alert,
  Box,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import { Loading, Title, useDataProvider, useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';
import {
  ExportLinks,
  isMonth,
  MonthField,
  PrintButton,
  ReportPrintStyles,
  useLastMonth,
  useNames,
} from './common';

const MONEY = ['collectedFen', 'refundedFen', 'netFen'] as const;

/** 月报表: the month's collections by billing code, budget subject, level and region, refunds and net. */
export const MonthlyStatementPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const lastMonth = useLastMonth();
  const [picked, setPicked] = React.useState<string | null>(null);
  const month = picked ?? lastMonth;
  const { data, isPending, error } = useQuery({
    queryKey: ['monthly-statement', month],
    queryFn: () => dataProvider.monthlyStatement(month),
    enabled: isMonth(month),
  });
  const mayExport = useCan('export', 'reports');
  const names = useNames();
  const t = (k: string, o?: object) => translate(`app.monthly.${k}`, o);
  const col = (k: string) => t(`columns.${k}`);
  return (
    <Box sx={{ mt: 2 }}>
      <ReportPrintStyles />
      <Title title="app.monthly.title" />
      <Stack direction="row" spacing={2} className="no-print" sx={{ mb: 2, alignItems: 'center' }}>
        <MonthField label={t('month')} value={month} onChange={setPicked} />
        {mayExport && (
          <ExportLinks
            path={`/api/reports/monthly-statement?month=${month}`}
            label={t('export')}
            disabled={!data}
          />
        )}
        <PrintButton label={t('print')} disabled={!data} />
      </Stack>
      <Card>
        <CardContent>
          <Typography variant="h6" sx={{ textAlign: 'center' }}>
            {t('heading', { month })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', mb: 2 }}>
            {t('scope_note')}
          </Typography>
          {isPending && isMonth(month) && <Loading />}
          {error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>}
          {data && data.rows.length === 0 && <Alert severity="info">{t('empty')}</Alert>}
          {data && data.rows.length > 0 && (
            <Table size="small" aria-label={t('title')} data-testid="monthly-statement">
              <TableHead>
                <TableRow>
                  <TableCell>{col('regionCode')}</TableCell>
                  <TableCell>{col('billingCode')}</TableCell>
                  <TableCell>{col('budgetSubjectCode')}</TableCell>
                  <TableCell>{col('budgetLevel')}</TableCell>
                  <TableCell align="right">{col('count')}</TableCell>
                  {MONEY.map((k) => (
                    <TableCell key={k} align="right">
                      {col(k)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.rows.map((r) => (
                  <TableRow
                    key={JSON.stringify([r.regionCode, r.billingCode, r.budgetSubjectCode, r.budgetLevel])}
                  >
                    {r.regionCode === null ? (
                      <TableCell colSpan={4}>{t('orphan')}</TableCell>
                    ) : (
                      <>
                        <TableCell>{names.region(r.regionCode)}</TableCell>
                        <TableCell>{r.billingCode}</TableCell>
                        <TableCell>
                          {r.budgetSubjectCode}
                          {r.budgetSubjectCode && (
                            <Typography variant="caption" component="div" color="text.secondary">
                              {names.subject(r.budgetSubjectCode)}
                            </Typography>
                          )}
                        </TableCell>
                        <TableCell>
                          {r.budgetLevel ? translate(`app.budget_levels.${r.budgetLevel}`) : '—'}
                        </TableCell>
                      </>
                    )}
                    <TableCell align="right">{r.count}</TableCell>
                    {MONEY.map((k) => (
                      <TableCell key={k} align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {formatFen(r[k])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow data-testid="monthly-total" sx={{ '& td': { fontWeight: 'bold' } }}>
                  <TableCell colSpan={4}>{col('total')}</TableCell>
                  <TableCell align="right">{data.totals.count}</TableCell>
                  {MONEY.map((k) => (
                    <TableCell key={k} align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatFen(data.totals[k])}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
