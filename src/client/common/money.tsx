import { FunctionField } from 'react-admin';
import { formatFen } from '../../domain/money';

/** The value at a dotted path (`balance.refundableFen`), as react-admin's own fields read sources. */
function at(record: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      record,
    );
}

/** Integer fen shown as ¥1,234.50 (never through floating point); `source` may be a nested path. */
export const FenField = ({ source }: { source: string; label?: string; sortable?: boolean }) => (
  <FunctionField<Record<string, unknown>>
    source={source}
    render={(r) => {
      const fen = at(r, source);
      return typeof fen === 'number' ? formatFen(fen) : '—';
    }}
  />
);
