import { parse } from 'csv-parse/sync';
import { and, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, collections, users } from '../db/schema';
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

const MONTH = '2026-02';
interface Book {
  month: string;
  timetable: { treasuryTable: string; unitConfirmation: string; monthlyReport: string };
  statements: {
    id: number;
    unitId: number;
    bankId: string;
    count: number;
    collectedFen: number;
    enteredFen: number;
    status: string;
    note: string | null;
    lines: { count: number; collectedFen: number; enteredFen: number }[];
  }[];
  duties: {
    party: string;
    name: string;
    what: string;
    due: string;
    doneOn: string | null;
    workingDaysLate: number;
  }[];
}
const book = async (user: string) => {
  const res = await (await as(user)).get(`/api/reconciliation-statements?month=${MONTH}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Book;
};

describe('国库对账表 treasury reconciliation statements', () => {
  it('only the treasury produces, and only a month that has ended', async () => {
    expect(
      (await (await as('unit')).post('/api/reconciliation-statements', { month: MONTH })).statusCode,
    ).toBe(403);
    const open = await (await as('treasury')).post('/api/reconciliation-statements', { month: '2026-03' });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('month_not_over');
    // Nothing produced yet: the treasury's duty is outstanding and late (due 2026-03-03, today 2026-03-16).
    const before = await book('finance');
    expect(before.statements).toHaveLength(0);
    expect(before.duties.find((d) => d.party === 'treasury')).toMatchObject({
      what: 'produce',
      due: before.timetable.treasuryTable,
      doneOn: null,
      workingDaysLate: 9,
    });
  });

  it('produces per unit and bank from the data: collected adds up to the month’s matched collections, lines to the statement', async () => {
    const res = await (await as('treasury')).post('/api/reconciliation-statements', { month: MONTH });
    expect(res.statusCode).toBe(201);
    const b = await book('treasury');
    expect(res.json().produced).toBe(b.statements.length);
    expect(b.statements.length).toBeGreaterThan(1);
    const [{ n, fen }] = await t.database.db
      .select({
        n: sql<number>`count(*)`.mapWith(Number),
        fen: sql<number>`sum(${collections.amountFen})`.mapWith(Number),
      })
      .from(collections)
      .where(
        and(
          isNotNull(collections.decisionId),
          gte(collections.businessDate, `${MONTH}-01`),
          lte(collections.businessDate, `${MONTH}-28`),
        ),
      );
    expect(b.statements.reduce((s, x) => s + x.count, 0)).toBe(n);
    expect(b.statements.reduce((s, x) => s + x.collectedFen, 0)).toBe(fen);
    for (const s of b.statements) {
      expect(s.lines.reduce((a, l) => a + l.collectedFen, 0)).toBe(s.collectedFen);
      expect(s.lines.reduce((a, l) => a + l.enteredFen, 0)).toBe(s.enteredFen);
      expect(s.lines.reduce((a, l) => a + l.count, 0)).toBe(s.count);
      expect(s.enteredFen).toBeLessThanOrEqual(s.collectedFen);
      expect(s.status).toBe('produced');
    }
    // Some money of February reached the treasury in the demo world.
    expect(b.statements.some((s) => s.enteredFen > 0)).toBe(true);
    const treasuryDuty = b.duties.find((d) => d.party === 'treasury')!;
    expect(treasuryDuty).toMatchObject({ doneOn: '2026-03-16', workingDaysLate: 9 });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'produce'), eq(auditEvents.resource, 'reconciliation-statements')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event.after).toMatchObject({ statements: b.statements.length, collectedFen: fen });
  });

  it('a unit sees and answers only its own; confirm and dispute are audited and happen once', async () => {
    const [unitUser] = await t.database.db.select().from(users).where(eq(users.username, 'unit'));
    const all = await book('treasury');
    const mine = await book('unit');
    expect(mine.statements.length).toBeGreaterThan(0);
    expect(mine.statements.every((s) => s.unitId === unitUser.unitId)).toBe(true);
    expect(mine.statements).toHaveLength(all.statements.filter((s) => s.unitId === unitUser.unitId).length);
    expect(mine.duties.filter((d) => d.party === 'unit')).toHaveLength(mine.statements.length);
    expect(mine.duties.some((d) => d.what === 'sign')).toBe(false);

    const unit = await as('unit');
    const other = all.statements.find((s) => s.unitId !== unitUser.unitId)!;
    expect((await unit.post(`/api/reconciliation-statements/${other.id}/confirm`, {})).statusCode).toBe(404);
    expect(
      (await (await as('treasury')).post(`/api/reconciliation-statements/${other.id}/confirm`, {}))
        .statusCode,
    ).toBe(403);

    const [first] = mine.statements;
    const ok = await unit.post(`/api/reconciliation-statements/${first.id}/confirm`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    expect((await unit.post(`/api/reconciliation-statements/${first.id}/confirm`, {})).statusCode).toBe(409);
    expect(
      (await unit.post(`/api/reconciliation-statements/${first.id}/dispute`, { note: 'x' })).statusCode,
    ).toBe(409);
    const after = await book('unit');
    const duty = after.duties.find((d) => d.party === 'unit' && d.doneOn !== null)!;
    expect(duty).toMatchObject({ what: 'confirm', doneOn: '2026-03-16', workingDaysLate: 7 });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'confirm'), eq(auditEvents.resource, 'reconciliation-statements')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ recordId: String(first.id), actorUsername: 'unit' });

    expect(mine.statements.length).toBeGreaterThan(1);
    {
      const second = mine.statements[1];
      expect(
        (await unit.post(`/api/reconciliation-statements/${second.id}/dispute`, { note: ' ' })).statusCode,
      ).toBe(400);
      const disputed = await unit.post(`/api/reconciliation-statements/${second.id}/dispute`, {
        note: '工行二月入库少一笔',
      });
      expect(disputed.json()).toMatchObject({ status: 'disputed', note: '工行二月入库少一笔' });
      // Produced again: the disputed statement goes back to the unit, the confirmed one stands.
      await (await as('treasury')).post('/api/reconciliation-statements', { month: MONTH });
      const again = await book('unit');
      expect(again.statements.find((s) => s.id === first.id)!.status).toBe('confirmed');
      expect(again.statements.find((s) => s.id === second.id)).toMatchObject({
        status: 'produced',
        note: null,
      });
    }
  });

  it('a bank sees its own bank’s statements and its sign-off duties; exports are audited', async () => {
    const icbc = await book('bank_icbc');
    expect(icbc.statements.every((s) => s.bankId === 'ICBC')).toBe(true);
    expect(new Set(icbc.duties.filter((d) => d.what === 'sign').map((d) => d.party))).toEqual(
      new Set(['finance', 'police', 'bank']),
    );
    const finance = await book('finance');
    const csv = await (await as('finance')).get(`/api/reconciliation-statements/export.csv?month=${MONTH}`);
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body.slice(1)) as string[][];
    expect(rows[0].slice(0, 3)).toEqual(['执罚单位', '代理银行', '预算科目']);
    expect(rows).toHaveLength(finance.statements.reduce((n, s) => n + s.lines.length, 0) + 2);
    expect(rows.at(-1)![0]).toBe('合计');
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.resource, 'reconciliation-statements')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event.after).toMatchObject({ format: 'csv', month: MONTH, rows: rows.length - 1 });
    expect(Number(rows.at(-1)![5])).toBeCloseTo(
      finance.statements.reduce((n, s) => n + s.collectedFen, 0) / 100,
      2,
    );
  });
});
