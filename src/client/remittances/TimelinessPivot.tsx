import {
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  Tooltip,
} from '@mui/material';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import * as React from 'react';
import { Link } from 'react-router-dom';
import type { BankTimeliness, TimelinessCell } from '../providers/dataProvider';

export const listLink = (filter: Record<string, string>) =>
  `/remittances?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A pivot cell: green on time, amber late, red overdue; the worst delay in working days when late. */
function cellStyle(c: TimelinessCell | undefined) {
  if (!c) return { bgcolor: 'transparent', text: '' };
  if (c.overdue) return { bgcolor: '#ef9a9a', text: `${c.worstDelay}` };
  if (c.late) return { bgcolor: '#ffe082', text: `${c.worstDelay}` };
  if (c.on_time) return { bgcolor: '#a5d6a7', text: '✓' };
  return { bgcolor: '#eeeeee', text: '…' };
}
// Sorting a day column puts the worst bank first: overdue, then late by delay, then on time.
const severity = (c: TimelinessCell | undefined) =>
  !c ? -1 : c.overdue ? 1000 + c.worstDelay : c.late ? c.worstDelay : 0;

interface Row {
  bankId: string;
  bankName: string;
  cells: Record<string, TimelinessCell | undefined>;
}

/** Bank × due-date pivot (TanStack Table): sortable by bank or by any day's lateness; each cell drills down. */
export const TimelinessPivot = ({
  banks,
  cells,
  t,
}: {
  banks: BankTimeliness[];
  cells: TimelinessCell[];
  t: (key: string) => string;
}) => {
  const days = React.useMemo(() => [...new Set(cells.map((c) => c.date))].sort(), [cells]);
  const data = React.useMemo<Row[]>(
    () =>
      banks.map((b) => ({
        bankId: b.bankId,
        bankName: b.bankName,
        cells: Object.fromEntries(
          days.map((d) => [d, cells.find((c) => c.bankId === b.bankId && c.date === d)]),
        ),
      })),
    [banks, cells, days],
  );
  const columns = React.useMemo<ColumnDef<Row>[]>(
    () => [
      { id: 'bank', header: t('bank'), accessorFn: (r) => r.bankName },
      ...days.map<ColumnDef<Row>>((d) => ({
        id: d,
        header: d.slice(5),
        accessorFn: (r) => severity(r.cells[d]),
        sortDescFirst: true,
        cell: ({ row }) => {
          const c = row.original.cells[d];
          if (!c) return null;
          return (
            <Tooltip
              title={`${t('on_time')} ${c.on_time} · ${t('late')} ${c.late} · ${t('overdue')} ${c.overdue}`}
            >
              <MuiLink
                component={Link}
                to={listLink({ bankId: row.original.bankId, dueDate_gte: d, dueDate_lte: d })}
                color="inherit"
                underline="none"
              >
                {cellStyle(c).text}
              </MuiLink>
            </Tooltip>
          );
        },
      })),
    ],
    [days, t],
  );
  const [sorting, setSorting] = React.useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <Table
      size="small"
      aria-label={t('pivot')}
      sx={{
        '& td, & th': { px: 0.5, textAlign: 'center' },
        // The sort arrow takes room only on the sorted column, so three weeks of days fit 1366 px.
        '& th .MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': { display: 'none' },
      }}
    >
      <TableHead>
        {table.getHeaderGroups().map((g) => (
          <TableRow key={g.id}>
            {g.headers.map((h) => (
              <TableCell key={h.id} sortDirection={h.column.getIsSorted() || false}>
                <TableSortLabel
                  active={Boolean(h.column.getIsSorted())}
                  direction={h.column.getIsSorted() || 'asc'}
                  onClick={h.column.getToggleSortingHandler()}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </TableSortLabel>
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableHead>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id}>
            {row.getVisibleCells().map((c) =>
              c.column.id === 'bank' ? (
                <TableCell key={c.id} sx={{ whiteSpace: 'nowrap' }}>
                  {row.original.bankName}
                </TableCell>
              ) : (
                <TableCell
                  key={c.id}
                  sx={{ bgcolor: cellStyle(row.original.cells[c.column.id]).bgcolor }}
                  data-testid={`pivot-${row.original.bankId}-${c.column.id}`}
                >
                  {flexRender(c.column.columnDef.cell, c.getContext())}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
