import { parse } from 'csv-parse/sync';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, decisions, discrepancies, reconciliationRuns, users } from '../db/schema';
import { type Agent, buildTestApp, listUrl, type TestApp } from '../test/helper';

/**
 * Exports of the remittance, reconciliation, flag, decision, correction and audit lists: the same
 * rows as the list for each caller, worded headers, masking kept, audited.
 */
let t: TestApp;
const agents = new Map<string, Promise<Agent>>();
const as = (u: string) => {
  if (!agents.has(u)) agents.set(u, t.login(u));
  return agents.get(u) as Promise<Agent>;
};
let plate: string;
beforeAll(async () => {
  t = await buildTestApp();
  const { db } = t.database;
  // Every caller signs in first, so the audit log's sign-ins are the same for both of its readers.
  for (const u of ['police', 'finance', 'bank_icbc', 'treasury', 'unit', 'auditor', 'admin']) await as(u);
  // Two findings of a finished run: one of the bank's, one of another bank's.
  const [finance] = await db.select().from(users).where(eq(users.username, 'finance'));
  const [run] = await db
    .insert(reconciliationRuns)
    .values({
      periodType: 'day',
      periodStart: '2026-03-10',
      status: 'completed',
      chunksTotal: 1,
      chunksDone: 1,
      found: 2,
      startedBy: finance.id,
      createdAt: new Date('2026-03-11T01:00:00Z'),
    })
    .returning();
  const finding = { runId: run.id, businessDate: '2026-03-10', updatedAt: new Date('2026-03-11T01:00:00Z') };
  await db.insert(discrepancies).values([
    {
      ...finding,
      bankId: 'ICBC',
      type: 'amount_mismatch',
      refKey: 'T-1',
      platformFen: 100,
      bankFen: 90,
      owner: 'bank',
    },
    // A note a spreadsheet must not run.
    {
      ...finding,
      bankId: 'ABC',
      type: 'bank_not_platform',
      refKey: 'T-2',
      bankFen: 500,
      owner: 'bank',
      note: '=1+1',
    },
  ]);
  const [d] = await t.database.db.select().from(decisions).where(isNotNull(decisions.plate)).limit(1);
  plate = d.plate as string;
  // One correction waiting for a second officer.
  const [unpaid] = await db.select().from(decisions).where(eq(decisions.paymentStatus, 'unpaid')).limit(1);
  const proposed = await (await as('police')).post('/api/status-corrections', {
    decisionId: unpaid.id,
    toStatus: 'paid',
    reason: '现场缴款凭证已核实',
  });
  expect(proposed.statusCode).toBe(201);
  // One PII search, so the auditor's log holds an event the administrator may not see.
  expect((await (await as('police')).get(listUrl('decisions', { filter: { plate } }))).statusCode).toBe(200);
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
const totalOf = (res: { headers: Record<string, unknown> }) =>
  Number(String(res.headers['content-range']).split('/')[1]);

interface Case {
  resource: string;
  /** Sees everything in the demo province. */
  wide: string;
  /** Sees fewer rows than `wide`. */
  narrow?: string;
  forbidden: string;
  zh: string[];
  en: string[];
  filter?: object;
}

const cases: Case[] = [
  {
    resource: 'remittances',
    wide: 'finance',
    narrow: 'bank_icbc',
    forbidden: 'police',
    zh: ['应缴库日', '代理银行代码', '应缴库金额', '状态'],
    en: ['Due date', 'Bank code', 'Due amount', 'Status'],
  },
  {
    resource: 'treasury-entries',
    wide: 'treasury',
    forbidden: 'bank_icbc',
    zh: ['入库日期', '入库金额', '预算级次', '划款凭证号'],
    en: ['Entry date', 'Amount', 'Budget level', 'Transfer reference'],
  },
  {
    resource: 'entry-feedback',
    wide: 'finance',
    narrow: 'bank_icbc',
    forbidden: 'police',
    zh: ['划款日期', '划款凭证号', '反馈', '已确认'],
    en: ['Transfer date', 'Transfer reference', 'Finding', 'Acknowledged'],
  },
  {
    resource: 'discrepancies',
    wide: 'finance',
    narrow: 'bank_icbc',
    forbidden: 'unit',
    zh: ['业务日期', '差异类型', '责任方', '状态'],
    en: ['Business date', 'Type', 'Owner', 'State'],
  },
  {
    resource: 'paid-status-flags',
    wide: 'police',
    forbidden: 'finance',
    zh: ['类型', '状态', '决定书编号', '说明', '发现时间'],
    en: ['Type', 'State', 'Decision no.', 'Detail', 'Raised'],
  },
  {
    resource: 'decisions',
    wide: 'police',
    narrow: 'unit',
    forbidden: 'bank_icbc',
    zh: ['决定书编号', '罚款金额', '当事人', '身份证号', '号牌', '缴款状态'],
    en: ['Decision no.', 'Fine', 'Party', 'ID number', 'Plate', 'Payment status'],
  },
  {
    resource: 'status-corrections',
    wide: 'police',
    forbidden: 'finance',
    zh: ['决定书编号', '更正为', '原因', '状态'],
    en: ['Decision no.', 'New status', 'Reason', 'State'],
  },
  {
    resource: 'audit-events',
    wide: 'auditor',
    narrow: 'admin',
    forbidden: 'finance',
    // Events written before the test ran: the exports' own events do not move the count.
    filter: { action: ['login', 'search'] },
    zh: ['时间', '用户', '角色', '操作', '对象', '变更后'],
    en: ['Time', 'User', 'Role', 'Action', 'Resource', 'After'],
  },
];

describe.each(cases)('$resource export', (c) => {
  const filter = c.filter ?? {};

  it('has the list’s rows for each caller, Chinese or English headers, and is audited; 403 without the list', async () => {
    const counts: Record<string, number> = {};
    for (const username of [c.wide, c.narrow].filter((u): u is string => !!u)) {
      const agent = await as(username);
      const list = await agent.get(listUrl(c.resource, { filter, range: [0, 0] }));
      expect(list.statusCode, username).toBe(200);
      const res = await agent.get(exportUrl(c.resource, 'csv', filter));
      expect(res.statusCode, username).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = csvOf(res.rawPayload);
      expect(rows[0]).toEqual(expect.arrayContaining(c.zh));
      expect(rows.length - 1, username).toBe(totalOf(list));
      counts[username] = rows.length - 1;

      const event = await lastExport(c.resource, username);
      expect(event.after).toMatchObject({ format: 'csv', rows: rows.length - 1 });
    }
    if (c.narrow) expect(counts[c.narrow]).toBeLessThan(counts[c.wide]);
    expect(counts[c.wide]).toBeGreaterThan(0);

    const en = await (await as(c.wide)).get(exportUrl(c.resource, 'csv', filter, '&locale=en'));
    expect(csvOf(en.rawPayload)[0]).toEqual(expect.arrayContaining(c.en));
    expect((await (await as(c.forbidden)).get(exportUrl(c.resource, 'csv', filter))).statusCode).toBe(403);
  });
});

describe('decision export keeps personal data masked', () => {
  it('writes the party, ID number and plate exactly as the list masks them, also on a plate search', async () => {
    const police = await as('police');
    for (const filter of [{}, { plate }]) {
      const list = await police.get(listUrl('decisions', { filter, range: [0, 999] }));
      const shown = new Map(
        (list.json() as { id: number; partyName: string; idNumber: string; plate: string | null }[]).map(
          (d) => [d.id, d],
        ),
      );
      const rows = csvOf((await police.get(exportUrl('decisions', 'csv', filter))).rawPayload);
      const col = (name: string) => rows[0].indexOf(name);
      expect(rows.length - 1).toBe(totalOf(list));
      let compared = 0;
      for (const r of rows.slice(1)) {
        const d = shown.get(Number(r[col('编号')]));
        if (!d) continue;
        compared += 1;
        expect(r[col('当事人')]).toBe(d.partyName);
        expect(r[col('身份证号')]).toBe(d.idNumber);
        expect(r[col('号牌')]).toBe(d.plate ?? '');
        expect(r[col('身份证号')]).toContain('*');
      }
      expect(compared).toBe(shown.size);
    }
    const event = await lastExport('decisions', 'police');
    expect(String((event.after as { filter: string }).filter)).not.toContain(plate);
    // Searching by a person's data stays a police and auditor privilege in the export too.
    expect((await (await as('finance')).get(exportUrl('decisions', 'csv', { plate }))).statusCode).toBe(403);
  });
});

describe('discrepancy export', () => {
  it('words types, owners and states; a note that could start a formula gets a leading quote', async () => {
    const rows = csvOf((await (await as('finance')).get(exportUrl('discrepancies', 'csv', {}))).rawPayload);
    const col = (name: string) => rows[0].indexOf(name);
    const abc = rows.find((r) => r[col('代理银行代码')] === 'ABC') as string[];
    expect(abc[col('说明')]).toBe("'=1+1");
    expect(abc[col('差异类型')]).toBe('银行有平台无');
    expect(abc[col('责任方')]).toBe('代理银行');
    expect(abc[col('状态')]).toBe('待处理');
    expect(abc[col('银行/国库金额')]).toBe('5.00');
    expect(abc[col('平台金额')]).toBe('');
  });
});

describe('remittance export as a workbook', () => {
  it('has the list’s rows, yuan as numbers, dates as dates, identifiers as text', async () => {
    const finance = await as('finance');
    const filter = { bankId: 'ICBC' };
    const res = await finance.get(exportUrl('remittances', 'xlsx', filter, '&locale=en'));
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Due date', 'Bank code', 'Due amount', 'Status']));
    const list = await finance.get(listUrl('remittances', { filter, range: [0, 0] }));
    expect(sheet.actualRowCount - 1).toBe(totalOf(list));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
    expect(typeof cell('Due amount').value).toBe('number');
    expect(cell('Due amount').numFmt).toBe('#,##0.00');
    expect(cell('Due date').value).toBeInstanceOf(Date);
    expect(cell('Bank code').value).toBe('ICBC');
    expect(['Not due yet', 'On time', 'Late', 'Overdue']).toContain(cell('Status').value);
  });
});
