import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Button, GlobalStyles, Menu, MenuItem, type SxProps, TextField, type Theme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import * as React from 'react';
import { useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { lastMonth, monthString } from '../../domain';
import type { AppDataProvider } from '../providers/dataProvider';

/** A4 landscape; the menu, the app bar and every control stay off the paper. */
export const ReportPrintStyles = () => (
  <GlobalStyles
    styles={{
      '@page': { size: 'A4 landscape', margin: '12mm' },
      '@media print': {
        '.no-print, .MuiAppBar-root, .RaSidebar-root, .MuiDrawer-root': { display: 'none !important' },
        body: { background: '#fff' },
        '.RaLayout-content, .RaLayout-contentWithSidebar': {
          padding: '0 !important',
          margin: '0 !important',
        },
        '.MuiCard-root, .MuiPaper-root': { boxShadow: 'none !important' },
      },
    }}
  />
);

/** The month before the business "today" (the month a report is usually about). */
export function useLastMonth(): string {
  const dataProvider = useDataProvider<AppDataProvider>();
  const summary = useQuery({ queryKey: ['summary'], queryFn: () => dataProvider.summary() });
  const today = summary.data?.today;
  return today ? lastMonth(today) : '';
}

export const isMonth = (s: string) => monthString.safeParse(s).success;

/** The month picker of the monthly pages (YYYY-MM, labelled 月份). */
export const MonthField = ({
  label,
  value,
  onChange,
  sx,
}: {
  label: string;
  value: string;
  onChange: (month: string) => void;
  sx?: SxProps<Theme>;
}) => (
  <TextField
    type="month"
    size="small"
    label={label}
    value={value}
    onChange={(e) => onChange(e.target.value)}
    slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': label } }}
    sx={sx}
  />
);

/** 导出 CSV / Excel: the server writes the file (audited); the browser follows the link. */
export const ExportLinks = ({
  path,
  label,
  disabled,
}: {
  path: string;
  label: string;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = React.useState<HTMLElement | null>(null);
  const href = (format: 'csv' | 'xlsx') => {
    const [base, query] = path.split('?');
    const q = new URLSearchParams(query);
    q.set('locale', locale === 'en' ? 'en' : 'zh-CN');
    return `${base}.${format}?${q}`;
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={disabled}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
      >
        {label}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <MenuItem key={format} component="a" href={href(format)} download onClick={() => setAnchor(null)}>
            {translate(`app.export.${format}_file`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

export const PrintButton = ({ label, disabled }: { label: string; disabled?: boolean }) => (
  <Button size="small" startIcon={<PrintIcon />} disabled={disabled} onClick={() => window.print()}>
    {label}
  </Button>
);

/** Region and budget-subject names for the codes a report carries. */
export function useNames() {
  const [locale] = useLocaleState();
  const { data: regions = [] } = useGetList('regions', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  const { data: subjects = [] } = useGetList('budget-subjects', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  return {
    region: (code: string | null) => {
      const r = regions.find((x) => x.code === code);
      return r ? (locale === 'en' ? r.nameEn : r.name) : (code ?? '');
    },
    subject: (code: string | null) => subjects.find((x) => x.code === code)?.name ?? code ?? '',
  };
}
