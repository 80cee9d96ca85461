import { parse } from 'csv-parse/sync';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, discrepancies, reconciliationRuns, reconciliationSignoffs, users } from '../db/schema';
import { type Agent, buildTestApp, listUrl, type TestApp } from '../test/helper';

/**
 * Exports of the last lists: remittance transfers, reconciliation runs and the monthly sign-off
 * table (a computed view per month). The same rows as the list for each caller, worded headers,
 * audited.
 */
let t: TestApp;
const agents = new Map<string, Promise<Agent>>();
const as = (u: string) => {
  if (!agents.has(u)) agents.set(u, t.login(u));
  return agents.get(u) as Promise<Agent>;
};
const MONTH = '2026-02';
let financeName: string;
let policeName: string;
beforeAll(async () => {
  t = await buildTestApp();
  const { db } = t.database;
  const [finance] = await db.select().from(users).where(eq(users.username, 'finance'));
  const [police] = await db.select().from(users).where(eq(users.username, 'police'));
  financeName = finance.displayName;
  policeName = police.displayName;
  // Runs over every bank (the bank sees it), over ICBC and over ABC (the ICBC user does not).
  const run = {
    periodType: 'month' as const,
    periodStart: `${MONTH}-01`,
    status: 'completed' as const,
    chunksTotal: 28,
    chunksDone: 28,
    found: 1,
    startedBy: finance.id,
    createdAt: new Date('2026-03-02T01:00:00Z'),
    finishedAt: new Date('2026-03-02T01:05:00Z'),
  };
  const [all] = await db
    .insert(reconciliationRuns)
    .values([run, { ...run, bankId: 'ICBC' }, { ...run, bankId: 'ABC' }])
    .returning();
  // February for ICBC: finance and police have signed, the bank has not; one finding still open.
  await db.insert(reconciliationSignoffs).values([
    {
      month: MONTH,
      bankId: 'ICBC',
      role: 'finance',
      userId: finance.id,
      at: new Date('2026-03-03T02:00:00Z'),
    },
    { month: MONTH, bankId: 'ICBC', role: 'police', userId: police.id, at: new Date('2026-03-03T03:30:00Z') },
  ]);
  await db.insert(discrepancies).values({
    runId: all.id,
    bankId: 'ICBC',
    businessDate: `${MONTH}-10`,
    type: 'amount_mismatch',
    refKey: 'T-1',
    platformFen: 100,
    bankFen: 90,
    owner: 'bank',
    updatedAt: new Date('2026-03-02T01:05:00Z'),
  });
});
afterAll(() => t.close());

const csvOf = (payload: Buffer) => {
  expect(payload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(payload.subarray(3)) as string[][];
};
const exportUrl = (resource: string, format: 'csv' | 'xlsx', filter: object, extra = '') =>
  `/api/${resource}/export.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
/** The export's audit event, written once the last row has left (the response may end first). */
const lastExport = (resource: string, username: string) =>
  vi.waitFor(async () => {
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.resource, resource)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.actorUsername).toBe(username);
    return event;
  });
/** How many rows the list answers: its Content-Range total, or the sign-off table's banks. */
async function listTotal(agent: Agent, resource: string, filter: object): Promise<number> {
  if (resource === 'reconciliation-signoffs') {
    const res = await agent.get(`/api/reconciliation-signoffs?month=${MONTH}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { banks: unknown[] }).banks.length;
  }
  const res = await agent.get(listUrl(resource, { filter, range: [0, 0] }));
  expect(res.statusCode).toBe(200);
  return Number(String(res.headers['content-range']).split('/')[1]);
}

const cases = [
  {
    resource: 'remittance-transfers',
    wide: 'finance',
    narrow: 'bank_icbc',
    forbidden: 'police',
    filter: {},
    zh: ['业务日期', '代理银行代码', '代理银行', '划款凭证号', '划款金额', '划款时间'],
    en: ['Business date', 'Bank code', 'Transfer reference', 'Amount', 'Transferred at'],
  },
  {
    resource: 'reconciliation-runs',
    wide: 'finance',
    narrow: 'bank_icbc',
    forbidden: 'unit',
    filter: {},
    zh: ['期间类型', '期间开始', '代理银行代码', '状态', '进度', '差异数', '发起人', '完成时间'],
    en: ['Period type', 'Period start', 'Bank code', 'Status', 'Started by', 'Finished at'],
  },
  {
    resource: 'reconciliation-signoffs',
    wide: 'finance',
    narrow: 'bank_icbc',
    forbidden: 'unit',
    filter: { month: MONTH },
    zh: [
      '月份',
      '代理银行代码',
      '财政厅签认人',
      '交警总队签认时间',
      '代理银行签认人',
      '已锁定',
      '待处理差异',
    ],
    en: ['Month', 'Bank code', 'Signed by (Finance bureau)', 'Locked', 'Open discrepancies'],
  },
];

describe.each(cases)('$resource export', (c) => {
  it('has the list’s rows for each caller, Chinese or English headers, and is audited; 403 without the list', async () => {
    const counts: Record<string, number> = {};
    for (const username of [c.wide, c.narrow]) {
      const agent = await as(username);
      const res = await agent.get(exportUrl(c.resource, 'csv', c.filter));
      expect(res.statusCode, username).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = csvOf(res.rawPayload);
      expect(rows[0]).toEqual(expect.arrayContaining(c.zh));
      expect(rows.length - 1, username).toBe(await listTotal(agent, c.resource, c.filter));
      counts[username] = rows.length - 1;
      const event = await lastExport(c.resource, username);
      expect(event.after).toMatchObject({
        format: 'csv',
        rows: rows.length - 1,
        filter: JSON.stringify(c.filter),
      });
    }
    expect(counts[c.narrow]).toBeGreaterThan(0);
    expect(counts[c.narrow]).toBeLessThan(counts[c.wide]);

    const en = await (await as(c.wide)).get(exportUrl(c.resource, 'csv', c.filter, '&locale=en'));
    expect(csvOf(en.rawPayload)[0]).toEqual(expect.arrayContaining(c.en));
    expect((await (await as(c.forbidden)).get(exportUrl(c.resource, 'csv', c.filter))).statusCode).toBe(403);
  });
});

describe('reconciliation-run export', () => {
  it('words period and status, and a run over every bank as on screen', async () => {
    for (const [locale, all, month, done] of [
      ['zh-CN', '全部银行', '月', '已完成'],
      ['en', 'All banks', 'Month', 'Completed'],
    ]) {
      const rows = csvOf(
        (await (await as('bank_icbc')).get(exportUrl('reconciliation-runs', 'csv', {}, `&locale=${locale}`)))
          .rawPayload,
      );
      const col = (i: number) => rows.slice(1).map((r) => r[i]);
      // The bank sees the run over every bank and its own, never ABC's.
      expect(col(3).sort()).toEqual([all, 'ICBC'].sort());
      expect(col(1)).toEqual([month, month]);
      expect(col(4)).toEqual([done, done]);
    }
  });
});

describe('sign-off export', () => {
  it('names each party’s signer and time, the lock, what is open and who is late', async () => {
    const rows = csvOf(
      (await (await as('finance')).get(exportUrl('reconciliation-signoffs', 'csv', { month: MONTH })))
        .rawPayload,
    );
    const col = (name: string) => rows[0].indexOf(name);
    const icbc = rows.find((r) => r[col('代理银行代码')] === 'ICBC') as string[];
    expect(icbc[col('月份')]).toBe(MONTH);
    expect(icbc[col('财政厅签认人')]).toBe(financeName);
    expect(icbc[col('财政厅签认时间')]).toBe('2026-03-03 10:00:00');
    expect(icbc[col('交警总队签认人')]).toBe(policeName);
    expect(icbc[col('交警总队签认时间')]).toBe('2026-03-03 11:30:00');
    expect(icbc[col('代理银行签认人')]).toBe('');
    expect(icbc[col('已锁定')]).toBe('否');
    expect(icbc[col('已对账')]).toBe('是');
    expect(icbc[col('待处理差异数')]).toBe('1');
    expect(icbc[col('待处理差异')]).toBe('金额不符 1（平台金额 1.00，银行/国库金额 0.90）');
    // The monthly report date (early March) has passed without the bank's signature.
    expect(icbc[col('逾期未签认')]).toBe('代理银行');
  });

  it('defaults to last month, as the page opens; a bad or unknown filter is a 400 naming it', async () => {
    const finance = await as('finance');
    const month = csvOf((await finance.get(exportUrl('reconciliation-signoffs', 'csv', {}))).rawPayload);
    const named = csvOf(
      (await finance.get(exportUrl('reconciliation-signoffs', 'csv', { month: MONTH }))).rawPayload,
    );
    expect(month).toEqual(named);
    for (const [filter, errors] of [
      [{ month: '2026-13' }, { 'filter.month': { code: 'invalid' } }],
      [{ bankId: 'ICBC' }, { 'filter.bankId': { code: 'not_a_known_filter' } }],
    ] as const) {
      const res = await finance.get(exportUrl('reconciliation-signoffs', 'csv', filter));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual(errors);
    }
  });
});

describe('remittance-transfer export as a workbook', () => {
  it('has the list’s rows, yuan as numbers, times as dates, references as text', async () => {
    const finance = await as('finance');
    const filter = { bankId: 'ICBC' };
    const res = await finance.get(exportUrl('remittance-transfers', 'xlsx', filter, '&locale=en'));
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.actualRowCount - 1).toBe(await listTotal(finance, 'remittance-transfers', filter));
    const list = (await finance.get(listUrl('remittance-transfers', { filter, range: [0, 0] }))).json() as {
      reference: string;
      amountFen: number;
      bankName: string;
    }[];
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
    expect(cell('Transfer reference').value).toBe(list[0].reference);
    expect(cell('Transfer reference').numFmt).toBe('@');
    expect(cell('Amount').value).toBe(list[0].amountFen / 100);
    expect(cell('Amount').numFmt).toBe('#,##0.00');
    expect(cell('Transferred at').value).toBeInstanceOf(Date);
    expect(cell('Bank code').value).toBe('ICBC');
    expect(cell('Bank').value).toBe(list[0].bankName);
  });
});
