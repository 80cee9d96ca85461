import { Alert, Box, Button, Grid, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { AppDataProvider } from '../providers/dataProvider';
import { PoliceTrends } from './PoliceTrends';
import { ReconciliationTimetable } from './ReconciliationTimetable';
import { RefundReasonChart } from './RefundReasonChart';
import { SummaryCardView } from './SummaryCardView';

/** A dashboard per role: the server decides which counts a role gets, in its scope. */
export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { identity } = useGetIdentity();
  const { data, isPending } = useQuery({ queryKey: ['summary'], queryFn: () => dataProvider.summary() });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.title" />
      <Typography variant="h5">
        {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      {data && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.dashboard.subtitle', {
            role: translate(`app.roles.${data.role}`),
            today: data.today,
          })}
        </Typography>
      )}
      {data?.warnings.map((w) => (
        <Alert
          key={w.key}
          severity="warning"
          sx={{ mb: 2 }}
          action={
            w.key === 'calendar_missing' ? (
              <Button component={Link} to="/calendar-years/import" color="inherit" size="small">
                {translate('app.warnings.calendar_import')}
              </Button>
            ) : undefined
          }
        >
          {translate(`app.warnings.${w.key}`, w)}
        </Alert>
      ))}
      <Grid container spacing={2}>
        {isPending &&
          [0, 1, 2, 3].map((i) => (
            <Grid key={i} size={{ xs: 12, sm: 6, md: 3 }}>
              <Skeleton variant="rounded" height={96} />
            </Grid>
          ))}
        {data?.cards.map((card) => (
          <Grid key={card.key} size={{ xs: 12, sm: 6, md: 3 }}>
            <SummaryCardView card={card} />
          </Grid>
        ))}
      </Grid>
      {data?.trends?.syncLag && data.trends.openFlagsByType && (
        <PoliceTrends
          trends={{ syncLag: data.trends.syncLag, openFlagsByType: data.trends.openFlagsByType }}
        />
      )}
      {data?.trends?.refundsByReason && <RefundReasonChart rows={data.trends.refundsByReason} />}
      {data && <ReconciliationTimetable today={data.today} />}
      {data && data.cards.length === 0 && (
        <Typography sx={{ mt: 2 }}>{translate('app.dashboard.empty')}</Typography>
      )}
    </Box>
  );
};
