import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** Chunks done of the run's total (one bank, one day each). */
export const RunProgress = (_: { label?: string }) => {
  const r = useRecordContext<{ chunksDone: number; chunksTotal: number }>();
  if (!r) return null;
  const pct = r.chunksTotal ? Math.round((r.chunksDone / r.chunksTotal) * 100) : 0;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 120 }}>
      <LinearProgress variant="determinate" value={pct} sx={{ flex: 1 }} aria-label={`${pct}%`} />
      <Typography variant="body2">
        {r.chunksDone}/{r.chunksTotal}
      </Typography>
    </Box>
  );
};
