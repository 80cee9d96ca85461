import DownloadIcon from '@mui/icons-material/Download';
import { Menu, MenuItem, Button as MuiButton } from '@mui/material';
import * as React from 'react';
import { useListContext, useLocaleState, useResourceContext, useTranslate } from 'react-admin';

/**
 * 导出: the server streams every row of the current filter and sort (no cap, same scope and masking
 * as the list, audited) as CSV or Excel; the browser only follows the link.
 */
export const ServerExportButton = () => {
  const resource = useResourceContext() ?? '';
  const { filterValues, sort, total } = useListContext();
  return (
    <ExportMenu resource={resource} filter={filterValues} sort={[sort.field, sort.order]} total={total} />
  );
};

/**
 * The 导出 menu for a page that is not a react-admin list (the monthly sign-off table): the same
 * server export, for the filter the page shows.
 */
export const ExportMenu = ({
  resource,
  filter,
  sort,
  total,
}: {
  resource: string;
  filter?: object;
  sort?: [string, string];
  total?: number;
}) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const [anchor, setAnchor] = React.useState<HTMLElement | null>(null);
  const href = (format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams({
      filter: JSON.stringify(filter ?? {}),
      ...(sort ? { sort: JSON.stringify(sort) } : {}),
      locale: locale === 'en' ? 'en' : 'zh-CN',
    });
    return `/api/${resource}/export.${format}?${q}`;
  };
  return (
    <>
      <MuiButton
        size="small"
        startIcon={<DownloadIcon />}
        disabled={total === 0}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
      >
        {translate('app.export.button')}
      </MuiButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <MenuItem key={format} component="a" href={href(format)} download onClick={() => setAnchor(null)}>
            {translate(`app.export.${format}`, { count: total ?? 0 })}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
