import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';

type Translate = ReturnType<typeof useTranslate>;

/** A catalogue entry, or null when the key has none (polyglot would echo the key). */
const lookup = (translate: Translate, key: string): string | null => {
  const text = translate(key, { _: '\u0000' });
  return text === '\u0000' || text === key ? null : text;
};

/** The resource's own field label, or null. */
export const fieldLabel = (translate: Translate, resource: string, key: string) =>
  lookup(translate, `resources.${resource}.fields.${key}`);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/**
 * Where an enum value of `key` is worded: the resource's own group (status, types, states, kinds,
 * period …) first, then the groups shared across the app (receipt types, owners, sources, roles).
 */
const enumKeys = (resource: string, key: string, value: string) => {
  const base = key.replace(/(Type|Code|Kind)$/, '');
  const groups = [key, `${key}s`, `${key}es`, base, `${base}s`, `${base.replace(/y$/, 'ie')}s`];
  return [
    ...groups.map((g) => `resources.${resource}.${g}.${value}`),
    ...(key === 'typeCode' ? [`app.receipt_types.${value}`] : []),
    `app.enums.${key}.${value}`,
    ...(key === 'role' ? [`app.roles.${value}`] : []),
  ];
};

/** One stored value in words: money in yuan, instants in Asia/Shanghai, enum codes by their label. */
export function wordValue(translate: Translate, resource: string, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number' && /Fen$/.test(key)) return formatFen(value);
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return shanghai.format(new Date(value)).replace(/\//g, '-');
    if (/^[a-z][a-z_]*$/.test(value))
      for (const k of enumKeys(resource, key, value)) {
        const worded = lookup(translate, k);
        if (worded) return worded;
      }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => wordValue(translate, resource, key, v)).join('、');
  return JSON.stringify(value);
}

/**
 * The before/after of an audit event as a two-column table: the field by its label in the event's
 * resource (a key without one is shown as the key itself, in a code style), and its value in words.
 */
export const AuditChanges = ({ source }: { source: 'before' | 'after'; label?: string }) => {
  const record = useRecordContext<{ resource: string; before: unknown; after: unknown }>();
  const translate = useTranslate();
  const data = record?.[source];
  if (!record || data === null || data === undefined) return <span>—</span>;
  if (typeof data !== 'object' || Array.isArray(data))
    return <span>{wordValue(translate, record.resource, '', data)}</span>;
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return <span>—</span>;
  return (
    <Table
      size="small"
      sx={{ width: 'auto' }}
      aria-label={translate(`resources.audit-events.fields.${source}`)}
    >
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.audit-events.changes.field')}</TableCell>
          <TableCell>{translate('resources.audit-events.changes.value')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([key, value]) => {
          const label = fieldLabel(translate, record.resource, key);
          return (
            <TableRow key={key}>
              <TableCell component="th" scope="row">
                {label ?? (
                  <Box component="code" translate="no" sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                    {key}
                  </Box>
                )}
              </TableCell>
              <TableCell sx={{ '&&&': { whiteSpace: 'pre-wrap' } }}>
                {wordValue(translate, record.resource, key, value)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
