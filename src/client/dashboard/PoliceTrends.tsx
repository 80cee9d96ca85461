import { Card, CardContent, Grid, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PoliceTrendData } from '../providers/dataProvider';

/** Police HQ: sync-lag flags raised/resolved per day, and open flags per type. */
export const PoliceTrends = ({ trends }: { trends: PoliceTrendData }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const byType = trends.openFlagsByType.map((r) => ({
    ...r,
    label: translate(`resources.paid-status-flags.types.${r.type}`),
  }));
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card data-testid="sync-lag-trend">
          <CardContent>
            <Typography variant="subtitle1">{translate('app.dashboard.charts.sync_lag')}</Typography>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={trends.syncLag} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line
                  type="monotone"
                  dataKey="raised"
                  name={translate('app.dashboard.charts.raised')}
                  stroke={theme.palette.warning.main}
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="resolved"
                  name={translate('app.dashboard.charts.resolved')}
                  stroke={theme.palette.success.main}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card data-testid="open-flags-by-type">
          <CardContent>
            <Typography variant="subtitle1">{translate('app.dashboard.charts.open_flags')}</Typography>
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={byType} layout="vertical" margin={{ top: 8, right: 16, left: 24, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={110} />
                <Tooltip />
                <Bar
                  dataKey="open"
                  name={translate('app.dashboard.charts.open')}
                  fill={theme.palette.primary.main}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};
