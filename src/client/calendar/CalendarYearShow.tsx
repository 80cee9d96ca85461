import { Box, Grid } from '@mui/material';
import { Show, useGetList, useRecordContext } from 'react-admin';
import { type DayKind, Legend, MonthGrid } from './MonthGrid';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const YearView = () => {
  const record = useRecordContext<{ year: number; regionCode: string }>();
  const { data = [] } = useGetList<{ id: string; date: string; kind: DayKind }>(
    'calendar-entries',
    {
      filter: { year: record?.year, regionCode: record?.regionCode ?? '' },
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'date', order: 'ASC' },
    },
    { enabled: !!record },
  );
  if (!record) return null;
  const kinds = new Map(data.map((e) => [e.date, e.kind]));
  return (
    <Box sx={{ p: 2 }}>
      <Legend />
      <Grid container spacing={2}>
        {MONTHS.map((month) => (
          <Grid key={month} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
            <MonthGrid year={record.year} month={month} kinds={kinds} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};

export const CalendarYearShow = () => (
  <Show>
    <YearView />
  </Show>
);
