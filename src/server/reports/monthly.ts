import { and, count, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import {
  type BudgetLevel,
  COLLECTION_CHANNELS,
  type CollectionChannel,
  monthRange,
  monthsBetween,
} from '../../domain';
import { budgetLevelTexts, type Lang, monthlyStatementTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { collectionList } from '../collections/routes';
import type { Db } from '../db/client';
import { billingCodes, collections, decisions, refunds, units } from '../db/schema';
import type { ExportColumn } from '../http/export';
import { regionSubtree } from '../http/scope';

export interface MonthlyRow {
  billingCode: string | null;
  budgetSubjectCode: string | null;
  budgetLevel: BudgetLevel | null;
  regionCode: string | null;
  count: number;
  collectedFen: number;
  refundedFen: number;
  netFen: number;
}
export interface MonthlyStatement {
  month: string;
  rows: MonthlyRow[];
  totals: { count: number; collectedFen: number; refundedFen: number; netFen: number };
}

/** Refunds in the collections' scope: a bank's are those of decisions it collected for. */
function refundScope(db: Db, actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'bank':
      return inArray(
        refunds.decisionId,
        db
          .select({ id: collections.decisionId })
          .from(collections)
          .where(eq(collections.bankId, actor.bankId ?? '')),
      );
    case 'unit':
      return eq(refunds.unitId, actor.unitId ?? 0);
    case 'dept':
      return inArray(
        refunds.unitId,
        db
          .select({ id: units.id })
          .from(units)
          .where(eq(units.departmentId, actor.departmentId ?? 0)),
      );
    default:
      return regionSubtree(refunds.regionCode, actor.regionCode);
  }
}

/** The decision's billing code (its project code when the code row is not linked). */
const billingCode = sql<string | null>`coalesce(${billingCodes.projectCode}, ${decisions.projectCode})`;
const sumFen = (column: typeof collections.amountFen | typeof refunds.amountFen) =>
  sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

/**
 * 月报表: the month's collections by business date, grouped by billing code, budget subject, budget
 * level and region, with the refunds executed in the month (Asia/Shanghai) and the net. Collections
 * nobody could match to a decision form their own row (every key null).
 */
export async function monthlyStatement(db: Db, actor: Actor, month: string): Promise<MonthlyStatement> {
  const { first, last } = monthRange(month);
  const collected = await db
    .select({
      billingCode,
      budgetSubjectCode: billingCodes.budgetSubjectCode,
      budgetLevel: billingCodes.budgetLevel,
      regionCode: collections.regionCode,
      count: count(),
      fen: sumFen(collections.amountFen),
    })
    .from(collections)
    .leftJoin(decisions, eq(decisions.id, collections.decisionId))
    .leftJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
    .where(
      and(
        collectionList(db).scope(actor),
        gte(collections.businessDate, first),
        lte(collections.businessDate, last),
      ),
    )
    .groupBy(billingCode, billingCodes.budgetSubjectCode, billingCodes.budgetLevel, collections.regionCode);
  const refunded = await db
    .select({
      billingCode,
      budgetSubjectCode: billingCodes.budgetSubjectCode,
      budgetLevel: billingCodes.budgetLevel,
      regionCode: refunds.regionCode,
      fen: sumFen(refunds.amountFen),
    })
    .from(refunds)
    .innerJoin(decisions, eq(decisions.id, refunds.decisionId))
    .leftJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
    .where(
      and(
        refundScope(db, actor),
        eq(refunds.status, 'executed'),
        sql`to_char(${refunds.executedAt} at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month}`,
      ),
    )
    .groupBy(billingCode, billingCodes.budgetSubjectCode, billingCodes.budgetLevel, refunds.regionCode);

  const byKey = new Map<string, MonthlyRow>();
  const rowOf = (k: Pick<MonthlyRow, 'billingCode' | 'budgetSubjectCode' | 'budgetLevel' | 'regionCode'>) => {
    const key = JSON.stringify([k.billingCode, k.budgetSubjectCode, k.budgetLevel, k.regionCode]);
    let row = byKey.get(key);
    if (!row) {
      row = {
        billingCode: k.billingCode,
        budgetSubjectCode: k.budgetSubjectCode,
        budgetLevel: k.budgetLevel,
        regionCode: k.regionCode,
        count: 0,
        collectedFen: 0,
        refundedFen: 0,
        netFen: 0,
      };
      byKey.set(key, row);
    }
    return row;
  };
  for (const c of collected) {
    const row = rowOf(c);
    row.count += Number(c.count);
    row.collectedFen += c.fen;
  }
  for (const r of refunded) rowOf(r).refundedFen += r.fen;
  const rows = [...byKey.values()].map((r) => ({ ...r, netFen: r.collectedFen - r.refundedFen }));
  const orphan = (r: MonthlyRow) => (r.regionCode === null ? 1 : 0);
  const text = (v: string | null) => v ?? '';
  rows.sort(
    (a, b) =>
      orphan(a) - orphan(b) ||
      text(a.regionCode).localeCompare(text(b.regionCode)) ||
      text(a.billingCode).localeCompare(text(b.billingCode)) ||
      text(a.budgetSubjectCode).localeCompare(text(b.budgetSubjectCode)) ||
      text(a.budgetLevel).localeCompare(text(b.budgetLevel)),
  );
  const totals = rows.reduce(
    (t, r) => ({
      count: t.count + r.count,
      collectedFen: t.collectedFen + r.collectedFen,
      refundedFen: t.refundedFen + r.refundedFen,
      netFen: t.netFen + r.netFen,
    }),
    { count: 0, collectedFen: 0, refundedFen: 0, netFen: 0 },
  );
  return { month, rows, totals };
}

type ExportRow = MonthlyRow & { total?: boolean };
const label = (key: keyof (typeof monthlyStatementTexts)['en']) => ({
  'zh-CN': monthlyStatementTexts['zh-CN'][key],
  en: monthlyStatementTexts.en[key],
});

/** The statement's columns as on the page; the orphan row and the totals row say what they are. */
export const monthlyStatementColumns: ExportColumn<ExportRow>[] = [
  {
    key: 'billingCode',
    kind: 'id',
    label: label('billingCode'),
    value: (r, lang: Lang) =>
      r.total
        ? monthlyStatementTexts[lang].total
        : r.regionCode === null
          ? monthlyStatementTexts[lang].orphan
          : r.billingCode,
  },
  {
    key: 'budgetSubjectCode',
    kind: 'id',
    label: label('budgetSubjectCode'),
    value: (r) => r.budgetSubjectCode,
  },
  {
    key: 'budgetLevel',
    kind: 'text',
    label: label('budgetLevel'),
    value: (r, lang: Lang) => (r.budgetLevel ? budgetLevelTexts[lang][r.budgetLevel] : null),
  },
  { key: 'regionCode', kind: 'id', label: label('regionCode'), value: (r) => r.regionCode },
  { key: 'count', kind: 'number', label: label('count'), value: (r) => r.count },
  { key: 'collectedFen', kind: 'money', label: label('collectedFen'), value: (r) => r.collectedFen },
  { key: 'refundedFen', kind: 'money', label: label('refundedFen'), value: (r) => r.refundedFen },
  { key: 'netFen', kind: 'money', label: label('netFen'), value: (r) => r.netFen },
];

/** The rows and a closing totals row, for the exports. */
export const monthlyExportRows = (s: MonthlyStatement): ExportRow[] => [
  ...s.rows,
  {
    billingCode: null,
    budgetSubjectCode: null,
    budgetLevel: null,
    regionCode: '',
    ...s.totals,
    total: true,
  },
];

export interface ChannelStats {
  from: string;
  to: string;
  months: {
    month: string;
    count: number;
    amountFen: number;
    channels: {
      channel: CollectionChannel;
      count: number;
      amountFen: number;
      countShare: number;
      amountShare: number;
    }[];
  }[];
}

/** Per channel and month (business date): count, amount and their shares of the month, in the collections' scope. */
export async function channelStats(db: Db, actor: Actor, from: string, to: string): Promise<ChannelStats> {
  const ym = sql<string>`to_char(${collections.businessDate}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month: ym,
      channel: collections.channel,
      count: count(),
      fen: sumFen(collections.amountFen),
    })
    .from(collections)
    .where(
      and(
        collectionList(db).scope(actor),
        gte(collections.businessDate, monthRange(from).first),
        lte(collections.businessDate, monthRange(to).last),
      ),
    )
    .groupBy(ym, collections.channel);
  return {
    from,
    to,
    months: monthsBetween(from, to).map((month) => {
      const mine = rows.filter((r) => r.month === month);
      const n = mine.reduce((s, r) => s + Number(r.count), 0);
      const fen = mine.reduce((s, r) => s + r.fen, 0);
      return {
        month,
        count: n,
        amountFen: fen,
        channels: COLLECTION_CHANNELS.map((channel) => {
          const r = mine.find((x) => x.channel === channel);
          const c = Number(r?.count ?? 0);
          const a = r?.fen ?? 0;
          return {
            channel,
            count: c,
            amountFen: a,
            countShare: n ? c / n : 0,
            amountShare: fen ? a / fen : 0,
          };
        }),
      };
    }),
  };
}
