import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { addCalendarDays } from '../../domain/dates';

export type DayKind = 'HOLIDAY' | 'ADJUSTED_WORKDAY';

const COLORS = { holiday: '#ffcdd2', adjusted: '#c8e6c9', weekend: '#eeeeee', workday: 'transparent' };

/** One month, Monday first: holidays red, adjusted workdays green, plain weekends grey. */
export const MonthGrid = ({
  year,
  month,
  kinds,
}: {
  year: number;
  month: number;
  kinds: Map<string, DayKind>;
}) => {
  const translate = useTranslate();
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const offset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const days: string[] = [];
  for (let d = first; d.slice(5, 7) === first.slice(5, 7); d = addCalendarDays(d, 1)) days.push(d);
  const weekdays = translate('app.calendar.weekdays').split(',');
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate('app.calendar.month', { month })}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, 1fr)',
          gap: '2px',
          fontSize: 12,
          textAlign: 'center',
        }}
      >
        {weekdays.map((w) => (
          <Box key={w} sx={{ color: 'text.secondary' }}>
            {w}
          </Box>
        ))}
        {Array.from({ length: offset }, (_, i) => addCalendarDays(first, i - offset)).map((padding) => (
          <Box key={padding} />
        ))}
        {days.map((d) => {
          const kind = kinds.get(d);
          const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
          const bg =
            kind === 'HOLIDAY'
              ? COLORS.holiday
              : kind === 'ADJUSTED_WORKDAY'
                ? COLORS.adjusted
                : weekend
                  ? COLORS.weekend
                  : COLORS.workday;
          return (
            <Box
              key={d}
              data-date={d}
              data-kind={kind ?? (weekend ? 'WEEKEND' : 'WORKDAY')}
              sx={{ bgcolor: bg, borderRadius: 0.5, py: 0.25 }}
            >
              {Number(d.slice(8))}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};

export const Legend = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 2, fontSize: 13, my: 1 }}>
      {(['holiday', 'adjusted', 'weekend'] as const).map((k) => (
        <Box key={k} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <Box sx={{ width: 14, height: 14, bgcolor: COLORS[k], border: 1, borderColor: 'divider' }} />
          {translate(`app.calendar.legend_${k}`)}
        </Box>
      ))}
    </Box>
  );
};
