import { parse } from 'csv-parse/sync';
import { and, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, collections, refunds } from '../db/schema';
import { buildTestApp, type TestApp } from '../test/helper';

let t: TestApp;
const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (u: string) => {
  if (!agents.has(u)) agents.set(u, t.login(u));
  return agents.get(u)!;
};
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface Statement {
  month: string;
  rows: {
    billingCode: string | null;
    budgetSubjectCode: string | null;
    budgetLevel: string | null;
    regionCode: string | null;
    count: number;
    collectedFen: number;
    refundedFen: number;
    netFen: number;
  }[];
  totals: { count: number; collectedFen: number; refundedFen: number; netFen: number };
}
const statement = async (user: string, month: string) => {
  const res = await (await as(user)).get(`/api/reports/monthly-statement?month=${month}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Statement;
};
const listCount = async (user: string, month: string, last: string) => {
  const filter = { businessDate_gte: `${month}-01`, businessDate_lte: last };
  const res = await (await as(user)).get(
    `/api/collections/count?filter=${encodeURIComponent(JSON.stringify(filter))}`,
  );
  expect(res.statusCode).toBe(200);
  return (res.json() as { count: number }).count;
};
const sum = (rows: Statement['rows'], k: 'count' | 'collectedFen' | 'refundedFen' | 'netFen') =>
  rows.reduce((s, r) => s + r[k], 0);

/** The demo month with a refund executed in it (so the refunds column is exercised). */
async function refundMonth() {
  const [r] = await t.database.db
    .select({ m: sql<string>`to_char(${refunds.executedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')` })
    .from(refunds)
    .where(eq(refunds.status, 'executed'))
    .orderBy(desc(refunds.executedAt))
    .limit(1);
  return r.m;
}
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

describe('月报表 monthly statement', () => {
  it('totals.count equals the collections count for the month, rows add up, refunds and net are shown', async () => {
    const month = await refundMonth();
    const s = await statement('finance', month);
    expect(s.month).toBe(month);
    expect(s.totals.count).toBeGreaterThan(0);
    expect(s.totals.count).toBe(await listCount('finance', month, lastDay(month)));
    for (const k of ['count', 'collectedFen', 'refundedFen', 'netFen'] as const)
      expect(sum(s.rows, k), k).toBe(s.totals[k]);
    expect(s.totals.refundedFen).toBeGreaterThan(0);
    for (const r of s.rows) expect(r.netFen).toBe(r.collectedFen - r.refundedFen);
    // The refunds column is the refunds executed in the month, every one of them (finance sees the province).
    const [{ fen }] = await t.database.db
      .select({ fen: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number) })
      .from(refunds)
      .where(
        and(
          eq(refunds.status, 'executed'),
          sql`to_char(${refunds.executedAt} at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month}`,
        ),
      );
    expect(s.totals.refundedFen).toBe(fen);
    // Matched rows name their billing code, subject, level and region; keys never repeat.
    const keys = s.rows.map((r) =>
      JSON.stringify([r.billingCode, r.budgetSubjectCode, r.budgetLevel, r.regionCode]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      s.rows.filter((r) => r.regionCode !== null).every((r) => r.billingCode && r.budgetSubjectCode),
    ).toBe(true);
  });

  it('orphan collections form their own row, last', async () => {
    const [o] = await t.database.db
      .select({ d: collections.businessDate })
      .from(collections)
      .where(sql`${collections.decisionId} is null`)
      .limit(1);
    const month = o.d.slice(0, 7);
    const s = await statement('finance', month);
    const orphans = s.rows.filter((r) => r.regionCode === null);
    expect(orphans).toHaveLength(1);
    expect(s.rows.at(-1)).toEqual(orphans[0]);
    const [{ n }] = await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(collections)
      .where(
        and(
          sql`${collections.decisionId} is null`,
          sql`to_char(${collections.businessDate}, 'YYYY-MM') = ${month}`,
        ),
      );
    expect(orphans[0]).toMatchObject({
      billingCode: null,
      budgetSubjectCode: null,
      budgetLevel: null,
      count: n,
    });
  });

  it('is scoped as the collections: a bank its own, finance all; each equals its own list count', async () => {
    const month = await refundMonth();
    const all = await statement('finance', month);
    const icbc = await statement('bank_icbc', month);
    const abc = await statement('bank_abc', month);
    const [{ n }] = await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(collections)
      .where(
        and(eq(collections.bankId, 'ICBC'), sql`to_char(${collections.businessDate}, 'YYYY-MM') = ${month}`),
      );
    expect(icbc.totals.count).toBe(n);
    expect(icbc.totals.count).toBe(await listCount('bank_icbc', month, lastDay(month)));
    expect(icbc.totals.count).toBeLessThan(all.totals.count);
    expect(icbc.totals.count + abc.totals.count).toBeLessThanOrEqual(all.totals.count);
    const unit = await statement('unit', month);
    expect(unit.totals.count).toBe(await listCount('unit', month, lastDay(month)));
    expect(unit.rows.every((r) => r.regionCode !== null)).toBe(true);
    expect((await (await as('admin')).get(`/api/reports/monthly-statement?month=${month}`)).statusCode).toBe(
      403,
    );
    expect((await (await as('finance')).get('/api/reports/monthly-statement?month=2026-13')).statusCode).toBe(
      400,
    );
  });

  it('exports as CSV (BOM, header in the language, totals row) and XLSX, audited', async () => {
    const month = await refundMonth();
    const s = await statement('finance', month);
    const agent = await as('finance');
    const csv = await agent.get(`/api/reports/monthly-statement.csv?month=${month}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv.body.slice(1)) as string[][];
    expect(rows[0]).toEqual([
      '罚款项目编码',
      '预算科目',
      '预算级次',
      '行政区划',
      '笔数',
      '代收金额',
      '退付金额',
      '净额',
    ]);
    expect(rows).toHaveLength(s.rows.length + 2);
    expect(rows.at(-1)).toEqual([
      '合计',
      '',
      '',
      '',
      String(s.totals.count),
      (s.totals.collectedFen / 100).toFixed(2),
      (s.totals.refundedFen / 100).toFixed(2),
      (s.totals.netFen / 100).toFixed(2),
    ]);
    const en = await agent.get(`/api/reports/monthly-statement.csv?month=${month}&locale=en`);
    expect((parse(en.body.slice(1)) as string[][])[0][0]).toBe('Billing code');

    const xlsx = await agent.get(`/api/reports/monthly-statement.xlsx?month=${month}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.actualRowCount).toBe(s.rows.length + 2);
    expect(sheet.getRow(sheet.actualRowCount).getCell(6).value).toBe(s.totals.collectedFen / 100);

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.resource, 'reports')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event.after).toMatchObject({ format: 'xlsx', month, rows: s.rows.length + 1 });
  });
});

describe('per-channel statistics', () => {
  it('counts, amounts and shares per channel and month add up to the month, scoped and refused to banks', async () => {
    const month = await refundMonth();
    const res = await (await as('treasury')).get(`/api/reports/channel-stats?from=${month}&to=${month}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      months: {
        month: string;
        count: number;
        amountFen: number;
        channels: {
          channel: string;
          count: number;
          amountFen: number;
          countShare: number;
          amountShare: number;
        }[];
      }[];
    };
    expect(body.months).toHaveLength(1);
    const [m] = body.months;
    expect(m.count).toBe((await statement('finance', month)).totals.count);
    expect(m.channels.reduce((s, c) => s + c.count, 0)).toBe(m.count);
    expect(m.channels.reduce((s, c) => s + c.amountFen, 0)).toBe(m.amountFen);
    expect(m.channels.reduce((s, c) => s + c.amountShare, 0)).toBeCloseTo(1, 9);
    expect(
      (await (await as('bank_icbc')).get(`/api/reports/channel-stats?from=${month}&to=${month}`)).statusCode,
    ).toBe(403);
    expect(
      (await (await as('finance')).get('/api/reports/channel-stats?from=2026-03&to=2026-01')).statusCode,
    ).toBe(400);
  });
});
