import { parse } from 'csv-parse/sync';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eReceiptSegmentFieldTexts,
  receiptBatchFieldTexts,
  receiptFieldTexts,
  receiptFindingFieldTexts,
  receiptHoldingFieldTexts,
  receiptRequestFieldTexts,
  receiptTypeFieldTexts,
  receiptWriteOffFieldTexts,
  supervisionNoteFieldTexts,
  type Texts,
} from '../../domain/i18n';
import { auditEvents, receiptHoldings, receiptRequests } from '../db/schema';
import { holdingTreeKey, receiptHoldingList } from '../receipts/lists';
import { buildTestApp, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (username: string) => {
  if (!agents.has(username)) agents.set(username, t.login(username));
  return agents.get(username)!;
};

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const q = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

async function listOf(username: string, resource: string, filter: object = {}) {
  const res = await (await as(username)).get(
    `/api/${resource}?${q(filter)}&range=${encodeURIComponent('[0,999]')}`,
  );
  expect(res.statusCode, `${username} lists ${resource}`).toBe(200);
  return {
    rows: res.json() as Record<string, unknown>[],
    total: Number(String(res.headers['content-range']).split('/')[1]),
  };
}

async function csvOf(username: string, resource: string, filter: object = {}, locale?: 'en') {
  const res = await (await as(username)).get(
    `/api/${resource}/export.csv?${q(filter)}${locale ? `&locale=${locale}` : ''}`,
  );
  expect(res.statusCode, `${username} exports ${resource}`).toBe(200);
  expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
  return parse(res.rawPayload.subarray(3)) as string[][];
}

interface Case {
  resource: string;
  texts: Texts<string>;
  /** Header fields the export must carry (in both languages, from the shared labels). */
  fields: string[];
  /** Who reads the whole province, who sees fewer rows (or null), who may not list it. */
  reader: string;
  narrower: string | null;
  forbidden: string | null;
  filter?: object;
}

const CASES: Case[] = [
  {
    resource: 'receipt-types',
    texts: receiptTypeFieldTexts,
    fields: ['code', 'name', 'electronic', 'copies'],
    reader: 'admin',
    narrower: null,
    forbidden: null,
  },
  {
    resource: 'receipt-holdings',
    texts: receiptHoldingFieldTexts,
    fields: ['holderName', 'typeCode', 'startNo', 'endNo', 'count'],
    reader: 'finance',
    narrower: 'unit',
    forbidden: 'police',
  },
  {
    resource: 'receipts',
    texts: receiptFieldTexts,
    fields: ['typeCode', 'number', 'status', 'payerName', 'amountFen'],
    reader: 'police',
    narrower: 'unit',
    forbidden: 'bank_icbc',
  },
  {
    resource: 'receipt-write-offs',
    texts: receiptWriteOffFieldTexts,
    fields: ['unitName', 'typeCode', 'status', 'requestedAt'],
    reader: 'finance',
    narrower: 'unit',
    forbidden: 'treasury',
  },
  {
    resource: 'receipt-requests',
    texts: receiptRequestFieldTexts,
    fields: ['unitName', 'typeCode', 'count', 'status'],
    reader: 'auditor',
    narrower: 'unit',
    forbidden: 'dept_market',
  },
  {
    resource: 'receipt-batches',
    texts: receiptBatchFieldTexts,
    fields: ['id', 'typeCode', 'startNo', 'endNo', 'purchasedOn'],
    reader: 'finance',
    narrower: null,
    forbidden: 'unit',
    filter: { typeCode: 'payment_form' },
  },
  {
    resource: 'e-receipt-segments',
    texts: eReceiptSegmentFieldTexts,
    fields: ['unitName', 'code', 'startNo', 'remaining'],
    reader: 'finance',
    narrower: 'unit',
    forbidden: 'police',
  },
  {
    resource: 'receipt-findings',
    texts: receiptFindingFieldTexts,
    fields: ['type', 'unitName', 'typeCode', 'count', 'detail'],
    reader: 'finance',
    narrower: 'unit',
    forbidden: 'treasury',
  },
  {
    resource: 'supervision-notes',
    texts: supervisionNoteFieldTexts,
    fields: ['bankName', 'periodStart', 'periodEnd', 'text', 'authorName'],
    reader: 'treasury',
    narrower: null,
    forbidden: 'bank_icbc',
  },
];

describe('exports of the receipt lists and supervision notes', () => {
  beforeAll(async () => {
    // Both units ask for stock, so a unit's export has fewer rows than finance's.
    await (await as('unit')).post('/api/receipt-requests', { typeCode: 'payment_form', count: 50 });
    await (await as('unit_market')).post('/api/receipt-requests', { typeCode: 'onsite_receipt', count: 20 });
  });

  it.each(CASES)(
    '$resource: BOM, headers in zh-CN and en, the list’s rows for each scope, audited, 403 without the list',
    async (c) => {
      const filter = c.filter ?? {};
      const zh = await csvOf(c.reader, c.resource, filter);
      expect(zh[0]).toEqual(expect.arrayContaining(c.fields.map((f) => c.texts['zh-CN'][f])));
      const list = await listOf(c.reader, c.resource, filter);
      expect(list.total, 'the demo data fills this list').toBeGreaterThan(0);
      expect(zh.length - 1).toBe(list.total);
      const en = await csvOf(c.reader, c.resource, filter, 'en');
      expect(en[0]).toEqual(expect.arrayContaining(c.fields.map((f) => c.texts.en[f])));
      expect(en.length).toBe(zh.length);

      // The event is written when the stream has ended, just after the last byte left.
      const lastExport = async () =>
        (
          await t.database.db
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.resource, c.resource)))
            .orderBy(desc(auditEvents.id))
            .limit(1)
        )[0]?.after;
      await expect
        .poll(lastExport)
        .toMatchObject({ format: 'csv', rows: zh.length - 1, filter: JSON.stringify(filter) });

      if (c.narrower) {
        const narrow = await csvOf(c.narrower, c.resource, filter);
        const narrowList = await listOf(c.narrower, c.resource, filter);
        expect(narrow.length - 1).toBe(narrowList.total);
        expect(narrowList.total).toBeLessThan(list.total);
      }

      if (c.forbidden) {
        const refused = await (await as(c.forbidden)).get(`/api/${c.resource}/export.csv`);
        expect(refused.statusCode).toBe(403);
      }
      const bad = await (await as(c.reader)).get(`/api/${c.resource}/export.csv?${q({ nope: 1 })}`);
      expect(bad.statusCode).toBe(400);
    },
  );

  it('receipts: enum values worded, the payer masked exactly as in the list, numbers as printed', async () => {
    const list = await listOf('finance', 'receipts');
    const lines = await csvOf('finance', 'receipts');
    const col = (f: string) => lines[0].indexOf(receiptFieldTexts['zh-CN'][f as 'id']);
    const byId = new Map(lines.slice(1).map((l) => [l[col('id')], l]));
    let masked = 0;
    for (const r of list.rows) {
      const line = byId.get(String(r.id))!;
      expect(line[col('payerName')]).toBe(r.payerName ?? '');
      if (r.payerName) {
        expect(String(r.payerName)).toContain('*');
        masked += 1;
      }
      expect(line[col('status')]).toBe(r.status === 'void' ? '已作废' : '已开具');
      expect(line[col('amountFen')]).toBe((Number(r.amountFen) / 100).toFixed(2));
      if (r.code) expect(line[col('number')]).toMatch(/^\d{10}$/);
    }
    expect(masked, 'some demo receipts have a payer').toBeGreaterThan(0);
  });

  it('receipts XLSX: a workbook with the list’s rows, ids as text, money as numbers', async () => {
    const finance = await as('finance');
    const filter = { typeCode: 'e_receipt' };
    const res = await finance.get(`/api/receipts/export.xlsx?${q(filter)}&locale=en`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Number', 'Amount', 'Payer']));
    const total = (await listOf('finance', 'receipts', filter)).total;
    expect(total).toBeGreaterThan(0);
    expect(sheet.actualRowCount - 1).toBe(total);
    const number = sheet.getRow(2).getCell(header.indexOf('Number') + 1).value;
    expect(number).toMatch(/^0\d{9}$/);
    expect(typeof sheet.getRow(2).getCell(header.indexOf('Amount') + 1).value).toBe('number');
  });

  it('stock requests: a unit sees only its own, in the query; its total is exact; a department may not list them', async () => {
    const unit = await listOf('unit', 'receipt-requests');
    const own = await t.database.db.select().from(receiptRequests).where(eq(receiptRequests.unitId, 1));
    expect(unit.total).toBe(own.length);
    expect(unit.rows.map((r) => r.id).sort()).toEqual(own.map((r) => r.id).sort());
    const market = await listOf('unit_market', 'receipt-requests');
    expect(market.total).toBeGreaterThan(0);
    expect(market.rows.some((r) => r.unitId === 1)).toBe(false);
    const all = await t.database.db.select().from(receiptRequests);
    expect((await listOf('finance', 'receipt-requests')).total).toBe(all.length);
    // A page of one still reports the exact total of the scope, not of the page.
    const page = await (await as('unit')).get(`/api/receipt-requests?range=${encodeURIComponent('[0,0]')}`);
    expect(String(page.headers['content-range'])).toBe(`receipt-requests 0-0/${own.length}`);
    expect((await (await as('dept_market')).get('/api/receipt-requests')).statusCode).toBe(403);
  });

  it('stock tree: the export pages on the tree key the list sorts by, in the list’s order', async () => {
    const keys = await t.database.db
      .select({ id: receiptHoldings.id, key: holdingTreeKey })
      .from(receiptHoldings);
    const list = receiptHoldingList(t.database.db);
    const rows = await list.page(undefined, { orderBy: [], limit: 5000, offset: 0 });
    const byId = new Map(keys.map((k) => [k.id, k.key]));
    for (const r of rows) expect(list.sortValue?.(r, 'regionCode')).toBe(byId.get(r.id));
    const lines = await csvOf('finance', 'receipt-holdings');
    const holder = lines[0].indexOf(receiptHoldingFieldTexts['zh-CN'].holderName);
    expect(lines.slice(1).map((l) => l[holder])).toEqual(
      (await listOf('finance', 'receipt-holdings')).rows.map((r) => r.holderName),
    );
  });
});
