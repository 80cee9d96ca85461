import {
  Box,
  Button,
  ButtonGroup,
  Card,
  CardContent,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import {
  CartesianGrid,
  Tooltip as ChartTooltip,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { addCalendarDays } from '../../domain/dates';
import { formatFen } from '../../domain/money';
import { TIMELINESS_PRESETS, timelinessPresetRange } from '../../domain/timeliness';
import type { AppDataProvider } from '../providers/dataProvider';
import { listLink, TimelinessPivot } from './TimelinessPivot';
import { useYuanDays } from './yuanDays';

/** 缴库及时性: which banks remitted late, by how much and how long; drill-down to the obligations. */
export const TimelinessPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  // The business date is the server's (APP_TODAY in demos), never the browser's clock.
  const summary = useQuery({ queryKey: ['summary'], queryFn: () => dataProvider.summary() });
  const [range, setRange] = React.useState<{ from: string; to: string } | null>(null);
  const today = summary.data?.today;
  const from = range?.from ?? (today ? addCalendarDays(today, -20) : '');
  const to = range?.to ?? (today ? addCalendarDays(today, -1) : '');
  const setFrom = (v: string) => setRange({ from: v, to });
  const setTo = (v: string) => setRange({ from, to: v });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const kpi = useQuery({
    queryKey: ['timeliness', from, to],
    queryFn: () => dataProvider.timeliness(from, to),
    enabled: valid,
  });
  const daily = useQuery({
    queryKey: ['timeliness-daily', from, to],
    queryFn: () => dataProvider.timelinessDaily(from, to),
    enabled: valid,
  });
  const days = [...new Set((daily.data ?? []).map((c) => c.date))].sort();
  const banks = kpi.data ?? [];
  const trend = days.map((date) => {
    const cells = (daily.data ?? []).filter((c) => c.date === date);
    const decided = cells.reduce((s, c) => s + c.on_time + c.late + c.overdue, 0);
    const onTime = cells.reduce((s, c) => s + c.on_time, 0);
    return { due: date, date: date.slice(5), rate: decided ? Math.round((onTime / decided) * 100) : null };
  });
  const t = (k: string) => translate(`app.timeliness.${k}`);
  const yuanDays = useYuanDays();
  const navigate = useNavigate();
  // A click on the trend opens that due date's obligations (the same drill-down as a pivot cell).
  const openDay = (index: unknown) => {
    const day = typeof index === 'number' || typeof index === 'string' ? trend[Number(index)] : undefined;
    if (day) navigate(listLink({ dueDate_gte: day.due, dueDate_lte: day.due }));
  };
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.timeliness.title" />
      <Box sx={{ display: 'flex', gap: 2, mb: 2, alignItems: 'center' }}>
        {/* flexShrink 0: beside the two date fields the labels broke into 昨/日 (one character a line). */}
        <ButtonGroup size="small" aria-label={t('presets')} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          {TIMELINESS_PRESETS.map((p) => {
            const r = today ? timelinessPresetRange(p, today, summary.data?.lastWorkingDay) : null;
            const active = r !== null && r.from === from && r.to === to;
            return (
              <Button
                key={p}
                variant={active ? 'contained' : 'outlined'}
                aria-pressed={active}
                disabled={!r}
                onClick={() => r && setRange(r)}
              >
                {t(`preset.${p}`)}
              </Button>
            );
          })}
        </ButtonGroup>
        <TextField
          type="date"
          size="small"
          label={t('from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          size="small"
          label={t('to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="subtitle1">{t('kpi')}</Typography>
          <Table size="small" aria-label={t('kpi')}>
            <TableHead>
              <TableRow>
                {['bank', 'count', 'on_time_rate', 'avg_delay', 'worst_delay', 'overdue_amount', 'held'].map(
                  (k) => (
                    <TableCell key={k}>{t(k)}</TableCell>
                  ),
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {banks.map((b) => (
                <TableRow key={b.bankId}>
                  <TableCell>{b.bankName}</TableCell>
                  <TableCell>{b.count}</TableCell>
                  <TableCell>{(b.onTimeRate * 100).toFixed(1)}%</TableCell>
                  <TableCell>{b.avgDelayWorkingDays.toFixed(2)}</TableCell>
                  <TableCell>{b.worstDelayWorkingDays}</TableCell>
                  <TableCell>
                    <MuiLink component={Link} to={listLink({ bankId: b.bankId, status: 'overdue' })}>
                      {formatFen(b.overdueAmountFen)}
                    </MuiLink>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{yuanDays(b.heldFenDays)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="subtitle1">{t('pivot')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('legend')}
          </Typography>
          {/* A long range scrolls inside the card (width 0 keeps the days from widening the page). */}
          <Box sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
            <TimelinessPivot banks={banks} cells={daily.data ?? []} t={t} />
          </Box>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="subtitle1">{t('trend')}</Typography>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart
              data={trend}
              onClick={(state) => openDay(state.activeTooltipIndex)}
              style={{ cursor: 'pointer' }}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" />
              <YAxis domain={[0, 100]} unit="%" />
              <ChartTooltip />
              <Legend />
              <Line
                type="monotone"
                dataKey="rate"
                name={t('on_time_rate')}
                stroke="#2e7d32"
                isAnimationActive={false}
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>
    </Box>
  );
};
