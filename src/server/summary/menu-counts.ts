import { and, eq, isNull, like, lt, ne, or, type SQL } from 'drizzle-orm';
import { addCalendarDays, FILING_DAYS } from '../../domain';
import type { Actor, Role } from '../../domain/roles';
import { agreementScope } from '../agreements/repository';
import type { AppContext } from '../context';
import {
  agreements,
  discrepancies,
  entryFeedback,
  paidStatusFlags,
  receiptRequests,
  receiptWriteOffs,
  refunds,
  remittances,
  statusCorrections,
} from '../db/schema';
import { flagScope } from '../flags/scope';
import { refundScope, refundsPendingFor } from '../refunds/scope';

/** Menu entry (resource name) → how many records wait for the caller's next step. */
export type MenuCounts = Record<string, number>;

type Count = { resource: string; roles: readonly Role[]; where: (ctx: AppContext, actor: Actor) => SQL };

/**
 * What "waiting for me" means per menu entry. Each is one indexed count; the menu asks on every
 * navigation, so nothing here may scan a large table without a selective filter.
 */
const COUNTS: { count: Count; table: Parameters<AppContext['database']['db']['$count']>[0] }[] = [
  {
    table: refunds,
    count: {
      resource: 'refunds',
      roles: ['unit', 'dept', 'police', 'finance', 'treasury'],
      where: (ctx, actor) =>
        and(refundScope(ctx.database.db, actor), refundsPendingFor(ctx.database.db, actor)) as SQL,
    },
  },
  {
    table: paidStatusFlags,
    count: {
      resource: 'paid-status-flags',
      roles: ['police'],
      where: (_ctx, actor) => and(flagScope(actor.regionCode), eq(paidStatusFlags.state, 'open')) as SQL,
    },
  },
  {
    table: statusCorrections,
    count: {
      resource: 'status-corrections',
      roles: ['police'],
      // The proposer cannot confirm their own correction: it waits for a colleague.
      where: (_ctx, actor) =>
        and(eq(statusCorrections.state, 'proposed'), ne(statusCorrections.proposedBy, actor.id)) as SQL,
    },
  },
  {
    table: entryFeedback,
    count: {
      resource: 'entry-feedback',
      roles: ['finance'],
      where: () => and(isNull(entryFeedback.acknowledgedAt), ne(entryFeedback.type, 'entered')) as SQL,
    },
  },
  {
    table: discrepancies,
    count: {
      resource: 'discrepancies',
      roles: ['bank', 'treasury', 'finance'],
      where: (_ctx, actor) =>
        actor.role === 'bank'
          ? (and(
              eq(discrepancies.bankId, actor.bankId ?? ''),
              eq(discrepancies.owner, 'bank'),
              eq(discrepancies.state, 'open'),
            ) as SQL)
          : actor.role === 'treasury'
            ? (and(eq(discrepancies.owner, 'treasury'), eq(discrepancies.state, 'open')) as SQL)
            : // Finance answers its own findings and resolves what the others explained.
              (or(
                and(eq(discrepancies.owner, 'finance'), eq(discrepancies.state, 'open')),
                eq(discrepancies.state, 'explained'),
              ) as SQL),
    },
  },
  {
    table: receiptWriteOffs,
    count: {
      resource: 'receipt-write-offs',
      roles: ['finance'],
      where: (_ctx, actor) =>
        and(
          eq(receiptWriteOffs.status, 'requested'),
          like(receiptWriteOffs.regionCode, `${actor.regionCode}%`),
        ) as SQL,
    },
  },
  {
    table: receiptRequests,
    count: {
      resource: 'receipt-requests',
      roles: ['finance'],
      where: (_ctx, actor) =>
        and(
          eq(receiptRequests.status, 'requested'),
          like(receiptRequests.regionCode, `${actor.regionCode}%`),
        ) as SQL,
    },
  },
  {
    table: agreements,
    count: {
      resource: 'agreements',
      roles: ['finance'],
      where: (ctx, actor) =>
        and(
          agreementScope(actor),
          isNull(agreements.filedOn),
          lt(agreements.signedOn, addCalendarDays(ctx.clock.today(), -FILING_DAYS)),
        ) as SQL,
    },
  },
  {
    table: remittances,
    count: {
      resource: 'remittances',
      roles: ['bank'],
      where: (_ctx, actor) =>
        and(eq(remittances.status, 'overdue'), eq(remittances.bankId, actor.bankId ?? '')) as SQL,
    },
  },
];

/** The counts of the entries this role has a next step in; entries without one are absent. */
export async function menuCounts(ctx: AppContext, actor: Actor): Promise<MenuCounts> {
  const mine = COUNTS.filter((c) => c.count.roles.includes(actor.role));
  const values = await Promise.all(
    mine.map(({ table, count }) => ctx.database.db.$count(table, count.where(ctx, actor))),
  );
  return Object.fromEntries(mine.map((c, i) => [c.count.resource, Number(values[i])]));
}
