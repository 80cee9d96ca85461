import { Card, CardContent, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RefundReasonTrend } from '../providers/dataProvider';
import { CategoryBarChart, listPath } from './CategoryBarChart';

/** Finance: refunds (not rejected or withdrawn) by reason; a bar opens the refunds of that reason. */
export const RefundReasonChart = ({ rows }: { rows: RefundReasonTrend[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const bars = rows.map((r) => ({
    key: r.reason,
    label: translate(`resources.refunds.reasons.${r.reason}`),
    value: r.count,
    to: listPath('refunds', { reason: r.reason }),
  }));
  return (
    <Card data-testid="refunds-by-reason" sx={{ mt: 2, maxWidth: 720 }}>
      <CardContent>
        <Typography variant="subtitle1">{translate('app.dashboard.charts.refunds_by_reason')}</Typography>
        <CategoryBarChart
          bars={bars}
          valueName={translate('app.dashboard.charts.refund_count')}
          color={theme.palette.secondary.main}
        />
      </CardContent>
    </Card>
  );
};
