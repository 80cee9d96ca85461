import { get } from 'node:http';
import { parse } from 'csv-parse/sync';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, collections, decisions, units, users } from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

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

const totalOf = (res: { headers: Record<string, unknown> }) =>
  Number(String(res.headers['content-range']).split('/')[1]);
const countWhere = async (where?: ReturnType<typeof eq>) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(collections)
      .where(where)
  )[0].n;
const all = async (username: string, filter: object = {}) => {
  const res = await (await as(username)).get(listUrl('collections', { filter, range: [0, 999] }));
  expect(res.statusCode).toBe(200);
  return {
    rows: res.json() as { id: number; bankId: string; decisionId: number | null }[],
    total: totalOf(res),
  };
};

describe('collections list 代收明细', () => {
  it('a bank sees exactly its own collections, orphans included', async () => {
    const { rows, total } = await all('bank_icbc');
    expect(total).toBe(await countWhere(eq(collections.bankId, 'ICBC')));
    expect(total).toBeGreaterThan(0);
    expect(rows.every((r) => r.bankId === 'ICBC')).toBe(true);
  });

  it('a unit sees its decisions’ collections, a department its units’', async () => {
    const [unitUser] = await t.database.db.select().from(users).where(eq(users.username, 'unit'));
    const own = await t.database.db
      .select({ id: collections.id })
      .from(collections)
      .innerJoin(decisions, eq(decisions.id, collections.decisionId))
      .where(eq(decisions.unitId, unitUser.unitId!));
    const unit = await all('unit');
    expect(unit.total).toBe(own.length);
    expect(new Set(unit.rows.map((r) => r.id))).toEqual(new Set(own.slice(0, 1000).map((r) => r.id)));

    const [dept] = await t.database.db.select().from(users).where(eq(users.username, 'dept_market'));
    const deptOwn = await t.database.db
      .select({ id: collections.id })
      .from(collections)
      .innerJoin(decisions, eq(decisions.id, collections.decisionId))
      .where(
        inArray(
          decisions.unitId,
          t.database.db
            .select({ id: units.id })
            .from(units)
            .where(eq(units.departmentId, dept.departmentId!)),
        ),
      );
    expect((await all('dept_market')).total).toBe(deptOwn.length);
  });

  it('finance at the province sees every collection, orphans too; admin has no access', async () => {
    expect(await countWhere(isNull(collections.decisionId))).toBeGreaterThan(0);
    expect((await all('finance')).total).toBe(await countWhere());
    expect((await (await as('admin')).get(listUrl('collections'))).statusCode).toBe(403);
  });

  it('filters by bank, channel, business dates, decision number and matched; count answers the same', async () => {
    const [sample] = await t.database.db
      .select()
      .from(collections)
      .where(and(eq(collections.bankId, 'ICBC')))
      .limit(1);
    const cases: [object, number][] = [
      [{ bankId: 'ICBC' }, await countWhere(eq(collections.bankId, 'ICBC'))],
      [{ channel: sample.channel }, await countWhere(eq(collections.channel, sample.channel))],
      [
        { businessDate_gte: sample.businessDate, businessDate_lte: sample.businessDate },
        await countWhere(eq(collections.businessDate, sample.businessDate)),
      ],
      [
        { decisionNumber: sample.decisionNumber },
        await countWhere(eq(collections.decisionNumber, sample.decisionNumber)),
      ],
      [{ matched: false }, await countWhere(isNull(collections.decisionId))],
      [{ q: sample.bankTxnId }, 1],
    ];
    const finance = await as('finance');
    for (const [filter, expected] of cases) {
      expect((await all('finance', filter)).total, JSON.stringify(filter)).toBe(expected);
      const counted = await finance.get(
        `/api/collections/count?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      );
      expect(counted.json(), JSON.stringify(filter)).toEqual({ count: expected });
    }
    // The count is scoped like the list.
    const bank = await as('bank_abc');
    const abc = await bank.get(
      `/api/collections/count?filter=${encodeURIComponent(JSON.stringify({ bankId: 'ICBC' }))}`,
    );
    expect(abc.json()).toEqual({ count: 0 });
  });

  it('names a bad filter with a 400 and a code', async () => {
    const finance = await as('finance');
    const unknown = await finance.get(listUrl('collections', { filter: { plate: '青A' } }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual({ 'filter.plate': { code: 'not_a_known_filter' } });
    const badDate = await finance.get(
      listUrl('collections', { filter: { businessDate_gte: '2026-02-30x' } }),
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors['filter.businessDate_gte'].code).toBe('date_format');
  });

  it('shows one collection with its flags, and 404 outside the caller’s scope', async () => {
    const [icbc] = await t.database.db
      .select()
      .from(collections)
      .where(eq(collections.bankId, 'ICBC'))
      .limit(1);
    const own = await (await as('bank_icbc')).get(`/api/collections/${icbc.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      id: icbc.id,
      bankTxnId: icbc.bankTxnId,
      bankName: expect.any(String),
    });
    expect(Array.isArray(own.json().flags)).toBe(true);
    expect((await (await as('bank_abc')).get(`/api/collections/${icbc.id}`)).statusCode).toBe(404);
  });
});

describe('collections export 导出', () => {
  const exportUrl = (format: 'csv' | 'xlsx', filter: object = {}, extra = '') =>
    `/api/collections/export.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

  it('CSV: BOM, Chinese headers, the list’s rows in yuan and Shanghai time, formulas defused, audited', async () => {
    // A bank may send anything as a decision number; a spreadsheet must never run it.
    const [icbc] = await t.database.db
      .select()
      .from(collections)
      .where(eq(collections.bankId, 'ICBC'))
      .limit(1);
    await t.database.db.insert(collections).values({
      ...icbc,
      id: undefined,
      bankTxnId: '+8613800000000',
      decisionNumber: '=HYPERLINK("http://x","点我")',
      decisionId: null,
      regionCode: null,
      amountFen: 12_345,
      collectedAt: new Date('2026-03-01T17:30:00Z'),
      businessDate: '2026-03-02',
    });
    const bank = await as('bank_icbc');
    const res = await bank.get(exportUrl('csv', { matched: false }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = parse(res.rawPayload.subarray(3), { relax_column_count: false }) as string[][];
    expect(lines[0]).toEqual(
      expect.arrayContaining(['缴款时间', '银行流水号', '实收金额', '缴款渠道', '匹配']),
    );
    const list = await all('bank_icbc', { matched: false });
    expect(lines.length - 1).toBe(list.total);
    const col = (name: string) => lines[0].indexOf(name);
    const evil = lines.find((l) => l[col('银行流水号')] === "'+8613800000000")!;
    expect(evil[col('决定书编号')]).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(evil[col('实收金额')]).toBe('123.45');
    expect(evil[col('缴款时间')]).toBe('2026-03-02 01:30:00');
    expect(evil[col('业务日期')]).toBe('2026-03-02');
    expect(evil[col('匹配')]).toBe('未匹配决定书');
    expect(lines.slice(1).every((l) => l[col('代理银行代码')] === 'ICBC')).toBe(true);

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.resource, 'collections')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event.actorUsername).toBe('bank_icbc');
    expect(event.after).toMatchObject({ format: 'csv', filter: '{"matched":false}', rows: list.total });
  });

  it('XLSX: a real workbook with the same rows, yuan as numbers, a frozen header, English on request', async () => {
    const finance = await as('finance');
    const filter = { bankId: 'ICBC' };
    const res = await finance.get(exportUrl('xlsx', filter, '&locale=en'));
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['Collected at', 'Bank transaction id', 'Amount collected']),
    );
    expect(sheet.actualRowCount - 1).toBe((await all('finance', filter)).total);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const amountCol = header.indexOf('Amount collected') + 1;
    const amount = sheet.getRow(2).getCell(amountCol);
    expect(typeof amount.value).toBe('number');
    expect(amount.numFmt).toBe('#,##0.00');
    const txn = sheet.getRow(2).getCell(header.indexOf('Bank transaction id') + 1);
    expect(typeof txn.value).toBe('string');
  });

  it('refuses a bad filter with a 400 before streaming, and an export for a role without the list', async () => {
    const finance = await as('finance');
    const bad = await finance.get(exportUrl('csv', { nope: 1 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({ 'filter.nope': { code: 'not_a_known_filter' } });
    expect((await (await as('admin')).get(exportUrl('csv'))).statusCode).toBe(403);
  });

  it('stops reading pages when the client goes away, and audits how far it got', async () => {
    // Enough rows that the file is far larger than what the sockets can buffer.
    await t.database.db.execute(sql`
      insert into collections (bank_id, bank_txn_id, decision_number, amount_fen, channel, collected_at,
                               business_date, received_at)
      select 'ICBC', 'CUT-' || g, 'CUT' || g, 20000, 'counter',
             timestamptz '2026-01-01 09:00+08' + (g || ' seconds')::interval, date '2026-01-01',
             timestamptz '2026-01-01 09:00+08' + (g || ' seconds')::interval
        from generate_series(1, 20000) g`);
    try {
      const finance = await as('finance');
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      // Read the first chunk, then hang up the way a closed browser tab does.
      const status = await new Promise<number>((resolve, reject) => {
        const req = get(`${address}${exportUrl('csv')}`, { headers: { cookie: finance.cookie } }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve(res.statusCode ?? 0);
          });
        });
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
      });
      expect(status).toBe(200);
      const lastExport = async () =>
        (
          await t.database.db
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.resource, 'collections')))
            .orderBy(desc(auditEvents.id))
            .limit(1)
        )[0];
      await expect
        .poll(async () => (await lastExport()).after, { timeout: 20_000 })
        .toMatchObject({
          format: 'csv',
          interrupted: true,
        });
      const { rows } = (await lastExport()).after as { rows: number };
      expect(rows).toBeLessThan(await countWhere());
    } finally {
      await t.database.db.execute(sql`delete from collections where bank_txn_id like 'CUT-%'`);
    }
  });
});
