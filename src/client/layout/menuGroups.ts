import { type Action, can, type Resource } from '../../domain/permissions';
import type { Actor, Role } from '../../domain/roles';

/** A menu entry: a resource's list, or a page guarded by one permission. */
export type MenuEntry =
  | { resource: Resource }
  | { to: string; label: string; icon: string; permission: [Action, Resource] };

export interface MenuGroup {
  key: string;
  entries: MenuEntry[];
}

const page = (to: string, label: string, icon: string, permission: [Action, Resource]): MenuEntry => ({
  to,
  label,
  icon,
  permission,
});

/** Grouped by the work they serve, not by table; `key` names `app.nav.groups.<key>`. */
export const MENU_GROUPS: MenuGroup[] = [
  {
    key: 'payments',
    entries: [
      { resource: 'decisions' },
      { resource: 'collections' },
      { resource: 'paid-status-flags' },
      { resource: 'status-corrections' },
      page('/deadline-calculator', 'app.deadline.title', 'calculate', ['show', 'deadline-calculator']),
    ],
  },
  { key: 'refunds', entries: [{ resource: 'refunds' }] },
  {
    key: 'remittances',
    entries: [
      page('/timeliness', 'app.timeliness.title', 'timer', ['list', 'remittances']),
      { resource: 'remittances' },
      { resource: 'treasury-entries' },
      { resource: 'entry-feedback' },
    ],
  },
  {
    key: 'reconciliation',
    entries: [
      { resource: 'reconciliation-runs' },
      { resource: 'discrepancies' },
      page('/reconciliation-statements', 'app.rstatements.title', 'statement', [
        'list',
        'reconciliation-statements',
      ]),
      page('/reconciliation-signoffs', 'app.signoffs.title', 'signoff', ['list', 'reconciliation-signoffs']),
    ],
  },
  {
    key: 'receipts',
    entries: [
      { resource: 'receipts' },
      { resource: 'receipt-holdings' },
      { resource: 'receipt-requests' },
      { resource: 'receipt-write-offs' },
      { resource: 'receipt-batches' },
      { resource: 'e-receipt-segments' },
    ],
  },
  {
    key: 'reports',
    entries: [
      page('/monthly-statement', 'app.monthly.title', 'report', ['show', 'reports']),
      page('/channel-stats', 'app.channel_stats.title', 'chart', ['show', 'channel-stats']),
      { resource: 'receipt-findings' },
      page('/receipt-balance', 'app.receipts.balance_title', 'balance', ['show', 'receipt-balance']),
      page('/receipt-history', 'app.receipts.history_title', 'history', ['show', 'receipts']),
    ],
  },
  { key: 'agreements', entries: [{ resource: 'agreements' }, { resource: 'supervision-notes' }] },
  {
    key: 'master_data',
    entries: [
      { resource: 'billing-codes' },
      { resource: 'budget-subjects' },
      { resource: 'treasuries' },
      { resource: 'units' },
      { resource: 'regions' },
      { resource: 'calendar-years' },
    ],
  },
  {
    key: 'system',
    entries: [{ resource: 'users' }, { resource: 'institution-keys' }, { resource: 'audit-events' }],
  },
];

/** Each role's daily work first; the remaining groups follow in MENU_GROUPS order. */
const FIRST: Record<Role, string[]> = {
  admin: ['system', 'master_data'],
  finance: ['refunds', 'remittances', 'reconciliation', 'receipts', 'agreements'],
  police: ['payments', 'refunds', 'reconciliation'],
  dept: ['refunds', 'payments'],
  treasury: ['remittances', 'refunds', 'reconciliation', 'agreements'],
  bank: ['reconciliation', 'remittances', 'agreements'],
  unit: ['refunds', 'receipts', 'payments'],
  auditor: ['system', 'payments', 'refunds'],
};

export const entryAllowed = (user: Actor | null, entry: MenuEntry) =>
  'resource' in entry ? can(user, 'list', entry.resource) : can(user, ...entry.permission);

/** The user's groups in their order, each with only the entries the user may open; empty groups dropped. */
export function menuFor(user: Actor | null): MenuGroup[] {
  if (!user) return [];
  const first = FIRST[user.role] ?? [];
  const rank = (g: MenuGroup) => {
    const i = first.indexOf(g.key);
    return i === -1 ? first.length + MENU_GROUPS.indexOf(g) : i;
  };
  return MENU_GROUPS.map((g) => ({ ...g, entries: g.entries.filter((e) => entryAllowed(user, e)) }))
    .filter((g) => g.entries.length > 0)
    .sort((a, b) => rank(a) - rank(b));
}
