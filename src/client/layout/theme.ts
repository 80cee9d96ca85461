import type { ThemeOptions } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';

/**
 * One place for how tables read: column headers, dates, times and amounts stay on one line in every
 * table (lists, show pages, reports); a column of free text opts back into wrapping with `wrapCell`.
 * Lists choose their columns per role so they fit 1366 px without scrolling sideways.
 */
const tables: ThemeOptions['components'] = {
  MuiTableCell: {
    styleOverrides: {
      root: { '&.MuiTableCell-paddingCheckbox': { padding: '0 8px 0 8px' } },
      head: { whiteSpace: 'nowrap' },
    },
  },
  RaDataTable: {
    styleOverrides: { root: { '& .RaDataTable-rowCell': { whiteSpace: 'nowrap' } } },
  },
  RaDateField: { styleOverrides: { root: { whiteSpace: 'nowrap' } } },
  RaNumberField: { styleOverrides: { root: { whiteSpace: 'nowrap' } } },
};

const withTables = (base: ThemeOptions): ThemeOptions => ({
  ...base,
  components: { ...base.components, ...tables },
});

export const lightTheme = withTables(defaultLightTheme);
export const darkTheme = withTables(defaultDarkTheme);

/**
 * `cellSx` of a DataTable column of free text (names, notes, details): it may wrap instead of widening
 * the list (`&&&` outweighs the theme's one-line rule above).
 */
export const wrapCellAt = (minWidth: number) => () => ({ '&&&': { whiteSpace: 'normal', minWidth } });
export const wrapCell = wrapCellAt(160);

/** `sx` of a DataTable with many columns: 8 px instead of 16 px on either side of every cell. */
export const compactCells = { '& .MuiTableCell-root:not(.MuiTableCell-paddingCheckbox)': { px: 1 } };
