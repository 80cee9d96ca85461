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
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import { Loading, Title, useDataProvider, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COLLECTION_CHANNELS } from '../../domain/decisions';
import { formatFen } from '../../domain/money';
import type { AppDataProvider } from '../providers/dataProvider';
import { isMonth, useLastMonth } from './common';

const COLORS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#c62828', '#558b2f'];
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** Per-channel statistics: count, amount and their shares per month, with a stacked chart of the amounts. */
export const ChannelStatsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const lastMonth = useLastMonth();
  const thisMonth = lastMonth ? shift(lastMonth, 1) : '';
  const [from, setFrom] = React.useState<string | null>(null);
  const [to, setTo] = React.useState<string | null>(null);
  const range = { from: from ?? (thisMonth ? shift(thisMonth, -5) : ''), to: to ?? thisMonth };
  const valid = isMonth(range.from) && isMonth(range.to) && range.from <= range.to;
  const { data, isPending, error } = useQuery({
    queryKey: ['channel-stats', range.from, range.to],
    queryFn: () => dataProvider.channelStats(range.from, range.to),
    enabled: valid,
  });
  const t = (k: string, o?: object) => translate(`app.channel_stats.${k}`, o);
  const channelName = (c: string) => translate(`resources.remittances.channels.${c}`);
  const chart = (data?.months ?? []).map((m) => ({
    month: m.month,
    ...Object.fromEntries(m.channels.map((c) => [c.channel, c.amountFen / 100])),
  }));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.channel_stats.title" />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        {(['from', 'to'] as const).map((k) => (
          <TextField
            key={k}
            type="month"
            size="small"
            label={t(k)}
            value={range[k]}
            onChange={(e) => (k === 'from' ? setFrom : setTo)(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': t(k) } }}
          />
        ))}
      </Stack>
      {isPending && valid && <Loading />}
      {error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>}
      {data && (
        <>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="subtitle1">{t('chart')}</Typography>
              <Box data-testid="channel-chart">
                <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 800, height: 320 }}>
                  <BarChart data={chart} margin={{ top: 8, right: 16, left: 16, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="month" />
                    <YAxis />
                    <Tooltip formatter={(v) => formatFen(Math.round(Number(v) * 100))} />
                    <Legend />
                    {COLLECTION_CHANNELS.map((c, i) => (
                      <Bar
                        key={c}
                        dataKey={c}
                        name={channelName(c)}
                        stackId="amount"
                        fill={COLORS[i % COLORS.length]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1">{t('table')}</Typography>
              <Table size="small" aria-label={t('table')} data-testid="channel-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('month')}</TableCell>
                    <TableCell>{t('channel')}</TableCell>
                    <TableCell align="right">{t('count')}</TableCell>
                    <TableCell align="right">{t('amount')}</TableCell>
                    <TableCell align="right">{t('count_share')}</TableCell>
                    <TableCell align="right">{t('amount_share')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.months.map((m) => (
                    <React.Fragment key={m.month}>
                      {m.channels
                        .filter((c) => c.count > 0)
                        .map((c) => (
                          <TableRow key={c.channel}>
                            <TableCell>{m.month}</TableCell>
                            <TableCell>{channelName(c.channel)}</TableCell>
                            <TableCell align="right">{c.count}</TableCell>
                            <TableCell align="right">{formatFen(c.amountFen)}</TableCell>
                            <TableCell align="right">{percent(c.countShare)}</TableCell>
                            <TableCell align="right">{percent(c.amountShare)}</TableCell>
                          </TableRow>
                        ))}
                      <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
                        <TableCell>{m.month}</TableCell>
                        <TableCell>{t('total')}</TableCell>
                        <TableCell align="right">{m.count}</TableCell>
                        <TableCell align="right">{formatFen(m.amountFen)}</TableCell>
                        <TableCell align="right">{m.count ? percent(1) : '—'}</TableCell>
                        <TableCell align="right">{m.count ? percent(1) : '—'}</TableCell>
                      </TableRow>
                    </React.Fragment>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
