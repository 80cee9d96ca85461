import {
  type AnyColumn,
  and,
  count,
  eq,
  gte,
  inArray,
  isNull,
  like,
  lt,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addCalendarDays,
  CalendarMissingError,
  FILING_DAYS,
  FLAG_TYPES,
  type FlagType,
  previousWorkingDay,
  REFUND_REASONS,
  shanghaiMidnight,
} from '../../domain';
import type { Actor } from '../../domain/roles';
import { agreementScope } from '../agreements/repository';
import { type AppContext, actorOf } from '../context';
import {
  agreements,
  auditEvents,
  calendarYears,
  collections,
  decisionEvents,
  discrepancies,
  entryFeedback,
  paidStatusFlags,
  receiptRequests,
  receiptWriteOffs,
  refunds,
  remittances,
  statusCorrections,
  supervisionNotes,
  units,
  users,
} from '../db/schema';
import { flagScope } from '../flags/scope';
import { regionScope, regionSubtree } from '../http/scope';
import { feedLag } from '../machine/feed-routes';
import { findings as receiptFindings } from '../receipts/reports';
import { refundScope, refundsPendingFor } from '../refunds/scope';
import { menuCounts } from './menu-counts';

/** One dashboard card: `key` is translated by the SPA, `filter` pre-filters the linked list. */
/** A dashboard warning: its key names `app.warnings.<key>`, the rest are its values. */
export interface Warning {
  key: string;
  [value: string]: string | number;
}

export interface SummaryCard {
  key: string;
  value: number;
  resource?: string;
  filter?: Record<string, unknown>;
  /** `fen`: an amount the SPA shows as ¥1,234.50. */
  format?: 'fen';
}

export function summaryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  /** 昨日 of the treasury's timeliness presets: the last working day by the national holiday calendar. */
  const lastWorkingDay = async (): Promise<string | null> => {
    try {
      return previousWorkingDay(await ctx.calendars.forRegion(db, ''), ctx.clock.today());
    } catch (e) {
      if (e instanceof CalendarMissingError) return null;
      throw e;
    }
  };

  async function agreementCards(actor: Actor): Promise<SummaryCard[]> {
    const rows = await db
      .select({ status: agreements.status, n: count() })
      .from(agreements)
      .where(agreementScope(actor))
      .groupBy(agreements.status);
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const [{ overdue }] = await db
      .select({ overdue: count() })
      .from(agreements)
      .where(
        and(
          agreementScope(actor),
          isNull(agreements.filedOn),
          lt(agreements.signedOn, addCalendarDays(ctx.clock.today(), -FILING_DAYS)),
        ),
      );
    return [
      {
        key: 'agreements_active',
        value: by.active ?? 0,
        resource: 'agreements',
        filter: { status: 'active' },
      },
      { key: 'agreements_draft', value: by.draft ?? 0, resource: 'agreements', filter: { status: 'draft' } },
      {
        key: 'agreements_suspended',
        value: by.suspended ?? 0,
        resource: 'agreements',
        filter: { status: 'suspended' },
      },
      {
        key: 'agreements_overdue_filing',
        value: overdue,
        resource: 'agreements',
        filter: { overdueFiling: true },
      },
    ];
  }

  async function noteCards(actor: Actor): Promise<SummaryCard[]> {
    const monthStart = `${ctx.clock.today().slice(0, 8)}01`;
    const [{ n }] = await db
      .select({ n: count() })
      .from(supervisionNotes)
      .where(
        and(
          regionScope(supervisionNotes.regionCode, actor.regionCode),
          gte(supervisionNotes.periodEnd, monthStart),
        ),
      );
    return [{ key: 'supervision_notes_this_month', value: n, resource: 'supervision-notes' }];
  }

  async function adminCards(actor: Actor): Promise<SummaryCard[]> {
    const now = ctx.clock.now();
    const [row] = await db
      .select({
        total: count(),
        locked: sql<number>`count(*) filter (where ${users.lockedUntil} > ${now})`.mapWith(Number),
        inactive: sql<number>`count(*) filter (where not ${users.active})`.mapWith(Number),
      })
      .from(users)
      .where(regionSubtree(users.regionCode, actor.regionCode));
    const [{ failed }] = await db
      .select({ failed: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'login_failed'), gte(auditEvents.at, shanghaiMidnight(ctx.clock.today()))),
      );
    return [
      { key: 'users_total', value: row.total, resource: 'users' },
      { key: 'users_locked', value: row.locked, resource: 'users' },
      { key: 'users_inactive', value: row.inactive, resource: 'users', filter: { active: false } },
      {
        key: 'logins_failed_today',
        value: failed,
        resource: 'audit-events',
        filter: { action: 'login_failed' },
      },
    ];
  }

  /** Police HQ: what was paid today and what waits for review. */
  async function policeCards(actor: Actor): Promise<SummaryCard[]> {
    const since = shanghaiMidnight(ctx.clock.today());
    const [[{ paidToday }], [{ openFlags }], [{ waiting }]] = await Promise.all([
      db
        .select({ paidToday: count() })
        .from(decisionEvents)
        .where(and(eq(decisionEvents.toStatus, 'paid'), gte(decisionEvents.at, since))),
      db
        .select({ openFlags: count() })
        .from(paidStatusFlags)
        .where(and(flagScope(actor.regionCode), eq(paidStatusFlags.state, 'open'))),
      db.select({ waiting: count() }).from(statusCorrections).where(eq(statusCorrections.state, 'proposed')),
    ]);
    return [
      {
        key: 'decisions_paid_today',
        value: paidToday,
        resource: 'decisions',
        filter: { paymentStatus: 'paid' },
      },
      { key: 'flags_open', value: openFlags, resource: 'paid-status-flags', filter: { state: 'open' } },
      {
        key: 'corrections_waiting',
        value: waiting,
        resource: 'status-corrections',
        filter: { state: 'proposed' },
      },
    ];
  }

  /** Sync-lag flags raised and closed per business day over the last two weeks (police dashboard chart). */
  async function syncLagTrend(actor: Actor): Promise<{ date: string; raised: number; resolved: number }[]> {
    const days = Array.from({ length: 14 }, (_, i) => addCalendarDays(ctx.clock.today(), i - 13));
    const within = (column: AnyColumn, day: string) =>
      sql`${column} >= ${shanghaiMidnight(day)} and ${column} < ${shanghaiMidnight(addCalendarDays(day, 1))}`;
    const fields: Record<string, SQL.Aliased<number>> = {};
    days.forEach((day, i) => {
      fields[`r${i}`] = sql<number>`count(*) filter (where ${within(paidStatusFlags.createdAt, day)})`
        .mapWith(Number)
        .as(`r${i}`);
      fields[`s${i}`] = sql<number>`count(*) filter (where ${within(paidStatusFlags.reviewedAt, day)})`
        .mapWith(Number)
        .as(`s${i}`);
    });
    const [row] = await db
      .select(fields)
      .from(paidStatusFlags)
      .where(
        and(
          flagScope(actor.regionCode),
          eq(paidStatusFlags.type, 'sync_lag'),
          sql`(${paidStatusFlags.createdAt} >= ${shanghaiMidnight(days[0])} or ${paidStatusFlags.reviewedAt} >= ${shanghaiMidnight(days[0])})`,
        ),
      );
    return days.map((date, i) => ({ date, raised: row[`r${i}`] ?? 0, resolved: row[`s${i}`] ?? 0 }));
  }

  async function openFlagsByType(actor: Actor): Promise<{ type: FlagType; open: number }[]> {
    const rows = await db
      .select({ type: paidStatusFlags.type, open: count() })
      .from(paidStatusFlags)
      .where(and(flagScope(actor.regionCode), eq(paidStatusFlags.state, 'open')))
      .groupBy(paidStatusFlags.type);
    return FLAG_TYPES.map((type) => ({ type, open: rows.find((r) => r.type === type)?.open ?? 0 }));
  }

  /** Refunds waiting for this user's step: count, amount and the oldest application's age in days. */
  async function refundCards(actor: Actor): Promise<SummaryCard[]> {
    const [row] = await db
      .select({
        n: count(),
        amount: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number),
        oldest: sql<Date | null>`min(${refunds.createdAt})`.mapWith((v) => (v ? new Date(v) : null)),
      })
      .from(refunds)
      .where(and(refundScope(db, actor), refundsPendingFor(db, actor)));
    const days = row.oldest ? Math.floor((ctx.clock.now().getTime() - row.oldest.getTime()) / 86_400_000) : 0;
    const filter = { pendingFor: 'me' };
    const cards: SummaryCard[] = [{ key: 'refunds_waiting', value: row.n, resource: 'refunds', filter }];
    if (actor.role === 'finance' || actor.role === 'treasury')
      cards.push(
        { key: 'refunds_waiting_amount', value: row.amount, resource: 'refunds', filter, format: 'fen' },
        { key: 'refunds_oldest_days', value: days, resource: 'refunds', filter },
      );
    if (actor.role === 'finance') {
      const [avg] = await db
        .select({
          hours:
            sql<number>`coalesce(avg(extract(epoch from (${refunds.approvedAt} - ${refunds.submittedAt}))) / 3600, 0)`.mapWith(
              Number,
            ),
        })
        .from(refunds)
        .where(and(refundScope(db, actor), sql`${refunds.approvedAt} is not null`));
      cards.push({ key: 'refunds_avg_approval_hours', value: Math.round(avg.hours), resource: 'refunds' });
    }
    return cards;
  }

  async function refundsByReason(actor: Actor) {
    const rows = await db
      .select({
        reason: refunds.reason,
        count: count(),
        amountFen: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number),
      })
      .from(refunds)
      .where(and(refundScope(db, actor), sql`${refunds.status} not in ('withdrawn', 'rejected')`))
      .groupBy(refunds.reason);
    return REFUND_REASONS.map((reason) => {
      const r = rows.find((x) => x.reason === reason);
      return { reason, count: r?.count ?? 0, amountFen: r?.amountFen ?? 0 };
    });
  }

  /** Remittances overdue now (treasury, finance, each bank its own) and feedback finance has not acknowledged. */
  async function remittanceCards(actor: Actor): Promise<SummaryCard[]> {
    const [row] = await db
      .select({
        n: count(),
        amount: sql<number>`coalesce(sum(${remittances.amountFen} - ${remittances.remittedFen}), 0)`.mapWith(
          Number,
        ),
      })
      .from(remittances)
      .where(
        and(
          eq(remittances.status, 'overdue'),
          actor.role === 'bank' ? eq(remittances.bankId, actor.bankId ?? '') : undefined,
        ),
      );
    const filter = { status: 'overdue' };
    const cards: SummaryCard[] = [
      { key: 'remittances_overdue', value: row.n, resource: 'remittances', filter },
      {
        key: 'remittances_overdue_amount',
        value: row.amount,
        resource: 'remittances',
        filter,
        format: 'fen',
      },
    ];
    if (actor.role === 'finance') {
      const [{ n }] = await db
        .select({ n: count() })
        .from(entryFeedback)
        .where(and(isNull(entryFeedback.acknowledgedAt), ne(entryFeedback.type, 'entered')));
      cards.push({
        key: 'entry_feedback_open',
        value: n,
        resource: 'entry-feedback',
        filter: { acknowledged: false, problem: true },
      });
    }
    return cards;
  }

  async function auditorCards(): Promise<SummaryCard[]> {
    const [{ n }] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(gte(auditEvents.at, shanghaiMidnight(ctx.clock.today())));
    return [
      {
        key: 'audit_events_today',
        value: n,
        resource: 'audit-events',
        filter: { at_gte: ctx.clock.today() },
      },
    ];
  }

  async function unitCards(actor: Actor): Promise<SummaryCard[]> {
    const [{ n }] = await db
      .select({ n: count() })
      .from(units)
      .where(
        and(
          regionScope(units.regionCode, actor.regionCode),
          actor.role === 'dept'
            ? eq(units.departmentId, actor.departmentId ?? 0)
            : eq(units.id, actor.unitId ?? 0),
        ),
      );
    return [{ key: 'units_in_scope', value: n, resource: 'units' }];
  }

  /** A bank's own open findings: what it must explain before the month can be signed. */
  async function bankCards(actor: Actor): Promise<SummaryCard[]> {
    const bankId = actor.bankId ?? '';
    const today = ctx.clock.today();
    const [[{ n }], [{ todayCount }], [{ unmatched }]] = await Promise.all([
      db
        .select({ n: count() })
        .from(discrepancies)
        .where(and(eq(discrepancies.bankId, bankId), eq(discrepancies.state, 'open'))),
      db
        .select({ todayCount: count() })
        .from(collections)
        .where(and(eq(collections.bankId, bankId), eq(collections.businessDate, today))),
      db
        .select({ unmatched: count() })
        .from(collections)
        .where(and(eq(collections.bankId, bankId), isNull(collections.decisionId))),
    ]);
    return [
      { key: 'discrepancies_open', value: n, resource: 'discrepancies', filter: { state: 'open' } },
      {
        key: 'collections_today',
        value: todayCount,
        resource: 'collections',
        filter: { businessDate_gte: today, businessDate_lte: today },
      },
      { key: 'collections_unmatched', value: unmatched, resource: 'collections', filter: { matched: false } },
    ];
  }

  /** A unit's applications still on their way and its stock requests finance has not answered. */
  async function unitWaitingCards(actor: Actor): Promise<SummaryCard[]> {
    const inProgress = ['submitted', 'reviewed', 'approved', 'voucher_issued'] as const;
    const [[{ refundsOpen }], [{ requests }]] = await Promise.all([
      db
        .select({ refundsOpen: count() })
        .from(refunds)
        .where(and(eq(refunds.unitId, actor.unitId ?? 0), inArray(refunds.status, [...inProgress]))),
      db
        .select({ requests: count() })
        .from(receiptRequests)
        .where(and(eq(receiptRequests.unitId, actor.unitId ?? 0), eq(receiptRequests.status, 'requested'))),
    ]);
    return [
      {
        key: 'refunds_in_progress',
        value: refundsOpen,
        resource: 'refunds',
        filter: { status: [...inProgress] },
      },
      {
        key: 'receipt_requests_open',
        value: requests,
        resource: 'receipt-requests',
        filter: { status: 'requested' },
      },
    ];
  }

  type Lag = Awaited<ReturnType<typeof feedLag>>;
  /** How far behind the police platform reads the paid-status feed: a warning past SYNC_LAG_HOURS. */
  function feedWarnings(lag: Lag): Warning[] {
    if (!lag?.connected || lag.minutes < ctx.config.syncLagHours * 60) return [];
    return [{ key: 'feed_lag', hours: Math.floor(lag.minutes / 60), count: lag.unread }];
  }

  /** From 1 December, finance and admin are told when next year's official calendar is still missing. */
  async function warnings(actor: Actor, lag: Lag): Promise<Warning[]> {
    const feed = feedWarnings(lag);
    if (actor.role !== 'finance' && actor.role !== 'admin') return feed;
    const today = ctx.clock.today();
    if (today.slice(5) < '12-01') return feed;
    const next = Number(today.slice(0, 4)) + 1;
    const [row] = await db
      .select({ year: calendarYears.year })
      .from(calendarYears)
      .where(and(eq(calendarYears.year, next), eq(calendarYears.regionCode, '')));
    return row ? feed : [...feed, { key: 'calendar_missing', year: next }];
  }

  return async (app) => {
    // The menu asks on every navigation: one request, a few indexed counts.
    app.get('/menu-counts', { config: { permission: ['summary', 'show'] } }, async (request) =>
      menuCounts(ctx, actorOf(request)),
    );
    app.get('/', { config: { permission: ['summary', 'show'] } }, async (request) => {
      const actor = actorOf(request);
      const cards: SummaryCard[] = [];
      if (['finance', 'treasury', 'police', 'auditor', 'bank'].includes(actor.role))
        cards.push(...(await agreementCards(actor)));
      if (['finance', 'treasury', 'auditor'].includes(actor.role)) cards.push(...(await noteCards(actor)));
      if (actor.role === 'police') cards.unshift(...(await policeCards(actor)));
      if (actor.role === 'admin') cards.push(...(await adminCards(actor)));
      if (actor.role === 'auditor') cards.push(...(await auditorCards()));
      if (['finance', 'treasury', 'bank'].includes(actor.role))
        cards.unshift(...(await remittanceCards(actor)));
      if (['finance', 'police', 'dept', 'treasury', 'unit'].includes(actor.role))
        cards.unshift(...(await refundCards(actor)));
      if (actor.role === 'bank') cards.unshift(...(await bankCards(actor)));
      // Police and finance follow the paid-status feed: one lag query serves the card and the warning.
      const lag =
        actor.role === 'police' || actor.role === 'finance' ? await feedLag(db, ctx.clock.now()) : null;
      // Before the platform first reads there is no lag to show (only minutes since the demo began).
      if ((actor.role === 'police' || actor.role === 'finance') && lag?.connected !== false)
        cards.push({ key: 'feed_lag_minutes', value: lag?.minutes ?? 0 });
      if (actor.role === 'unit') cards.push(...(await unitWaitingCards(actor)));
      if (actor.role === 'unit' || actor.role === 'dept') cards.push(...(await unitCards(actor)));
      if (['finance', 'unit', 'auditor'].includes(actor.role)) {
        const alerts = await receiptFindings(ctx, actor);
        const writeOffs = await db
          .select({ n: count() })
          .from(receiptWriteOffs)
          .where(
            and(
              eq(receiptWriteOffs.status, 'requested'),
              actor.role === 'unit'
                ? eq(receiptWriteOffs.unitId, actor.unitId ?? -1)
                : like(receiptWriteOffs.regionCode, `${actor.regionCode}%`),
            ),
          );
        cards.push(
          { key: 'receipt_alerts', value: alerts.length, resource: 'receipt-findings' },
          {
            key: 'receipt_write_offs_waiting',
            value: writeOffs[0].n,
            resource: 'receipt-write-offs',
            filter: { status: 'requested' },
          },
        );
      }
      const trends =
        actor.role === 'police'
          ? { syncLag: await syncLagTrend(actor), openFlagsByType: await openFlagsByType(actor) }
          : actor.role === 'finance'
            ? { refundsByReason: await refundsByReason(actor) }
            : undefined;
      return {
        role: actor.role,
        today: ctx.clock.today(),
        lastWorkingDay: await lastWorkingDay(),
        cards,
        trends,
        warnings: await warnings(actor, lag),
      };
    });
  };
}
