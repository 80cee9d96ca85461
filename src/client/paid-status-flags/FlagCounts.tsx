import { Chip, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

/** Open flags per type; a click filters the inbox to that type. */
export const FlagCounts = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { filterValues, setFilters } = useListContext();
  const { data } = useQuery({ queryKey: ['flag-counts'], queryFn: () => dataProvider.flagCounts() });
  if (!data) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', my: 1 }}>
      {Object.entries(data).map(([type, n]) => (
        <Chip
          key={type}
          data-testid={`flag-count-${type}`}
          color={filterValues.type === type ? 'primary' : 'default'}
          label={`${translate(`resources.paid-status-flags.types.${type}`)} ${n}`}
          onClick={() => setFilters({ ...filterValues, state: 'open', type }, {})}
        />
      ))}
    </Stack>
  );
};
