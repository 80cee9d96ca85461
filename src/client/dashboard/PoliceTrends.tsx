import { Card, CardContent, Grid, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PoliceTrendData } from '../providers/dataProvider';
import { CategoryBarChart, listPath } from './CategoryBarChart';

/** Police HQ: sync-lag flags raised/resolved per day, and open flags per type; both open the flag inbox. */
export const PoliceTrends = ({ trends }: { trends: PoliceTrendData }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const navigate = useNavigate();
  const byType = trends.openFlagsByType.map((r) => ({
    key: r.type,
    label: translate(`resources.paid-status-flags.types.${r.type}`),
    value: r.open,
    to: listPath('paid-status-flags', { state: 'open', type: r.type }),
  }));
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card data-testid="sync-lag-trend">
          <CardContent>
            <Typography variant="subtitle1">{translate('app.dashboard.charts.sync_lag')}</Typography>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart
                data={trends.syncLag}
                margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
                onClick={() => navigate(listPath('paid-status-flags', { type: 'sync_lag' }))}
                style={{ cursor: 'pointer' }}
              >
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
            <CategoryBarChart
              bars={byType}
              valueName={translate('app.dashboard.charts.open')}
              color={theme.palette.primary.main}
            />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};
