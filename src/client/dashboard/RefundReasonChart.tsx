import { Card, CardContent, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RefundReasonTrend } from '../providers/dataProvider';

/** Finance: refunds (not rejected or withdrawn) by reason. */
export const RefundReasonChart = ({ rows }: { rows: RefundReasonTrend[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const data = rows.map((r) => ({ ...r, label: translate(`resources.refunds.reasons.${r.reason}`) }));
  return (
    <Card data-testid="refunds-by-reason" sx={{ mt: 2, maxWidth: 720 }}>
      <CardContent>
        <Typography variant="subtitle1">{translate('app.dashboard.charts.refunds_by_reason')}</Typography>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, left: 24, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={120} />
            <Tooltip />
            <Bar
              dataKey="count"
              name={translate('app.dashboard.charts.refund_count')}
              fill={theme.palette.secondary.main}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};
