import { FunctionField } from 'react-admin';
import { formatFen } from '../../domain/money';

/** Integer fen shown as ¥1,234.50 (never through floating point). */
export const FenField = ({ source }: { source: string; label?: string }) => (
  <FunctionField<Record<string, unknown>>
    source={source}
    render={(r) => (typeof r[source] === 'number' ? formatFen(r[source] as number) : '—')}
  />
);
