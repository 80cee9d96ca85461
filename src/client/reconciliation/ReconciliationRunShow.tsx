import { Chip, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { AppDataProvider } from '../providers/dataProvider';
import { periodTypeChoices, runStatusChoices } from './choices';
import { RunProgress } from './RunProgress';

/** Findings of the run per type; a click opens them in the discrepancy list. */
const Counts = (_: { label?: string }) => {
  const run = useRecordContext<{ id: number; status: string }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['discrepancy-counts', run?.id, run?.status],
    queryFn: () => dataProvider.discrepancyCounts(run!.id),
    enabled: run?.status === 'completed',
  });
  if (!data || !run) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {Object.entries(data).map(([type, n]) => (
        <Chip
          key={type}
          data-testid={`discrepancy-count-${type}`}
          component={Link}
          clickable
          to={`/discrepancies?filter=${encodeURIComponent(JSON.stringify({ runId: run.id, type }))}`}
          label={`${translate(`resources.discrepancies.types.${type}`)} ${n}`}
          color={n ? 'warning' : 'default'}
        />
      ))}
    </Stack>
  );
};

export const ReconciliationRunShow = () => (
  <Show queryOptions={{ refetchInterval: (q) => (q.state.data?.status === 'completed' ? false : 1000) }}>
    <SimpleShowLayout>
      <TextField source="id" />
      <SelectField source="periodType" choices={periodTypeChoices} />
      <TextField source="periodStart" />
      <ReferenceField
        source="bankId"
        reference="banks"
        link={false}
        emptyText="resources.reconciliation-runs.all_banks"
      >
        <TextField source="name" />
      </ReferenceField>
      <SelectField source="status" choices={runStatusChoices} />
      <Labeled label="resources.reconciliation-runs.fields.chunksDone">
        <RunProgress />
      </Labeled>
      <TextField source="found" />
      <RunError source="error" />
      <Labeled label="resources.reconciliation-runs.fields.byType">
        <Counts />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);

/** A failed run keeps the server's English cause for operators (hover); the screen says it in words. */
function RunError(_: { source: string }) {
  const translate = useTranslate();
  const record = useRecordContext<{ error: string | null }>();
  if (!record?.error) return <>—</>;
  return <span title={record.error}>{translate('app.errors.internal')}</span>;
}
