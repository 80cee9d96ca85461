import AssessmentIcon from '@mui/icons-material/Assessment';
import BalanceIcon from '@mui/icons-material/Balance';
import BarChartIcon from '@mui/icons-material/BarChart';
import CalculateIcon from '@mui/icons-material/Calculate';
import DrawIcon from '@mui/icons-material/Draw';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HistoryIcon from '@mui/icons-material/History';
import TimerIcon from '@mui/icons-material/Timer';
import DefaultIcon from '@mui/icons-material/ViewList';
import { Box, Chip, ListSubheader } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createElement, Fragment, type ReactElement } from 'react';
import {
  Menu as RaMenu,
  useCreatePath,
  useDataProvider,
  useGetResourceLabel,
  useResourceDefinitions,
  useSidebarState,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import type { AppDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';
import { type MenuEntry, menuFor } from './menuGroups';

const PAGE_ICONS: Record<string, ReactElement> = {
  calculate: <CalculateIcon />,
  timer: <TimerIcon />,
  signoff: <DrawIcon />,
  balance: <BalanceIcon />,
  history: <HistoryIcon />,
  report: <AssessmentIcon />,
  chart: <BarChartIcon />,
  statement: <FactCheckIcon />,
};

/** How many records wait for this user per entry; asked again on every navigation. */
const useMenuCounts = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { pathname } = useLocation();
  const userId = session.get()?.user.id;
  const { data } = useQuery({
    queryKey: ['menu-counts', userId, pathname],
    queryFn: () => dataProvider.menuCounts(),
    enabled: userId !== undefined,
    placeholderData: keepPreviousData,
  });
  return data ?? {};
};

const Label = ({ text, count }: { text: string; count?: number }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, width: '100%' }}>
      <Box component="span" sx={{ flex: 1, whiteSpace: 'nowrap' }}>
        {text}
      </Box>
      {count ? (
        <Chip
          size="small"
          color="warning"
          label={count}
          title={translate('app.nav.waiting', { count })}
          sx={{ height: 20, fontSize: 12 }}
        />
      ) : null}
    </Box>
  );
};

const Entry = ({ entry, count }: { entry: MenuEntry; count?: number }) => {
  const translate = useTranslate();
  const resources = useResourceDefinitions();
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  if ('resource' in entry) {
    const definition = resources[entry.resource];
    if (!definition?.hasList) return null;
    return (
      <RaMenu.Item
        to={createPath({ resource: entry.resource, type: 'list' })}
        state={{ _scrollToTop: true }}
        primaryText={<Label text={getResourceLabel(entry.resource, 2)} count={count} />}
        leftIcon={definition.icon ? createElement(definition.icon) : <DefaultIcon />}
      />
    );
  }
  return (
    <RaMenu.Item
      to={entry.to}
      primaryText={<Label text={translate(entry.label)} />}
      leftIcon={PAGE_ICONS[entry.icon] ?? <DefaultIcon />}
    />
  );
};

/** The role's groups of work, each entry with the count of what waits for this user. */
export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const counts = useMenuCounts();
  const groups = menuFor(session.get()?.user ?? null);
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {groups.map((group) => (
        <Fragment key={group.key}>
          {open && (
            <ListSubheader
              disableSticky
              data-testid={`menu-group-${group.key}`}
              sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}
            >
              {translate(`app.nav.groups.${group.key}`)}
            </ListSubheader>
          )}
          {group.entries.map((entry) => (
            <Entry
              key={'resource' in entry ? entry.resource : entry.to}
              entry={entry}
              count={'resource' in entry ? counts[entry.resource] : undefined}
            />
          ))}
        </Fragment>
      ))}
    </RaMenu>
  );
};
