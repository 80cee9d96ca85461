import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denial } from '../../domain/permissions';
import type { Actor } from '../../domain/roles';
import { auditEvents, collections, decisionEvents, decisions, refunds, users } from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

// A threshold of ¥15 makes any demo traffic fine (¥20 or more) a "large" refund needing two approvals.
const THRESHOLD = 1_500;
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ REFUND_SECOND_APPROVAL_FEN: String(THRESHOLD) });
});
afterAll(() => t.close());

// One session per user: logins are rate-limited per user and IP, as they should be.
const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (username: string) => {
  if (!agents.has(username)) agents.set(username, t.login(username));
  return agents.get(username)!;
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const used = new Set<number>();

/** A paid decision of the unit, paid by exactly one collection, not used by another test. */
async function paidDecision(unitId: number, minFine = 0) {
  const rows = await t.database.db
    .select({ id: decisions.id, fineFen: decisions.fineFen, paid: collections.amountFen })
    .from(decisions)
    .innerJoin(collections, eq(collections.decisionId, decisions.id))
    .where(
      and(
        eq(decisions.unitId, unitId),
        eq(decisions.paymentStatus, 'paid'),
        sql`${decisions.fineFen} >= ${minFine}`,
        sql`(select count(*) from collections c where c.decision_id = ${decisions.id}) = 1`,
        notExists(t.database.db.select().from(refunds).where(eq(refunds.decisionId, decisions.id))),
      ),
    );
  const d = rows.find((r) => !used.has(r.id));
  if (!d) throw new Error(`no paid decision left for unit ${unitId}`);
  used.add(d.id);
  return d;
}

const application = (decisionId: number, amountFen: number, reason = 'revoked') => ({
  decisionId,
  reason,
  amountFen,
  payeeName: '叶小梅',
  payeeAccount: '6222020200012345678',
  payeeBank: '工商银行西宁城东支行',
  note: '处罚决定已撤销',
});

const auditFor = async (id: number) =>
  (
    await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'refunds'), eq(auditEvents.recordId, String(id))))
  ).map((a) => a.action);

describe('refund chain for a traffic-police unit', () => {
  it('unit applies → police reviews → finance approves → voucher → treasury executes → decision refunded', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const created = await unit.post('/api/refunds', application(d.id, 1_000));
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      status: 'draft',
      amountFen: 1_000,
      decisionId: d.id,
      payeeAccount: '6222***********5678',
    });

    const evidence = await unit.post(`/api/refunds/${r.id}/attachments`, {
      filename: '撤销决定书.pdf',
      contentBase64: PDF,
    });
    expect(evidence.json()).toMatchObject({ mimeType: 'application/pdf' });
    const fake = await unit.post(`/api/refunds/${r.id}/attachments`, {
      filename: 'evidence.pdf',
      contentBase64: Buffer.from('just text, named .pdf').toString('base64'),
    });
    expect(fake.statusCode).toBe(422);
    expect(fake.json().code).toBe('evidence_type');
    const file = await unit.get(`/api/refunds/${r.id}/attachments/${evidence.json().id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await unit.post(`/api/refunds/${r.id}/approve`, {})).statusCode).toBe(403);
    expect((await unit.post(`/api/refunds/${r.id}/submit`, {})).json().status).toBe('submitted');
    const police = await as('police');
    const inbox = (await police.get(listUrl('refunds', { filter: { pendingFor: 'me' } }))).json();
    expect(inbox.map((x: { id: number }) => x.id)).toContain(r.id);
    expect((await police.post(`/api/refunds/${r.id}/review`, {})).json().status).toBe('reviewed');

    const finance = await as('finance');
    const executeEarly = await (await as('treasury')).post(`/api/refunds/${r.id}/execute`, {});
    expect(executeEarly.statusCode).toBe(409);
    const approved = (await finance.post(`/api/refunds/${r.id}/approve`, {})).json();
    expect(approved).toMatchObject({
      status: 'approved',
      approvals: [expect.objectContaining({ name: '财政厅 王敏' })],
    });
    const issued = (await finance.post(`/api/refunds/${r.id}/issue-voucher`, {})).json();
    expect(issued.status).toBe('voucher_issued');
    expect(issued.voucherNumber).toMatch(/^退〔2026〕\d{6}号$/);

    const onScreen = (await finance.get(`/api/refunds/${r.id}/voucher`)).json();
    expect(onScreen).toMatchObject({
      amountInWords: '壹拾元整',
      payeeAccount: '6222***********5678',
      printed: false,
    });
    const printed = (await finance.get(`/api/refunds/${r.id}/voucher?print=1`)).json();
    expect(printed).toMatchObject({ payeeAccount: '6222020200012345678', budgetLevel: expect.any(String) });
    expect(printed.treasury).not.toBeNull();
    expect((await police.get(`/api/refunds/${r.id}/voucher?print=1`)).statusCode).toBe(403);

    const treasury = await as('treasury');
    expect((await treasury.post(`/api/refunds/${r.id}/execute`, {})).json().status).toBe('executed');
    const [after] = await t.database.db.select().from(decisions).where(eq(decisions.id, d.id));
    expect(after.paymentStatus).toBe(d.paid > 1_000 ? 'partially_refunded' : 'refunded');
    const events = await t.database.db
      .select()
      .from(decisionEvents)
      .where(eq(decisionEvents.decisionId, d.id));
    expect(events.at(-1)).toMatchObject({
      source: 'refund',
      fromStatus: 'paid',
      toStatus: after.paymentStatus,
      detail: { code: 'refund_executed', params: { refundId: r.id, amountFen: 1_000 } },
    });
    expect(await auditFor(r.id)).toEqual([
      'create',
      'attach',
      'submit',
      'review',
      'approve',
      'issue-voucher',
      'print',
      'execute',
    ]);
  });

  it('return to the unit needs a reason and goes back to draft; the unit fixes it and resubmits', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const r = (await unit.post('/api/refunds', application(d.id, 500, 'overpaid'))).json();
    await unit.post(`/api/refunds/${r.id}/submit`, {});
    const police = await as('police');
    expect((await police.post(`/api/refunds/${r.id}/return`, {})).statusCode).toBe(400);
    const returned = (await police.post(`/api/refunds/${r.id}/return`, { reason: '缺少缴款凭证' })).json();
    expect(returned).toMatchObject({ status: 'draft', lastReason: '缺少缴款凭证' });
    const edited = await unit.put(`/api/refunds/${r.id}`, { ...returned, amountFen: 400 });
    expect(edited.json()).toMatchObject({ amountFen: 400 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ amountFen: 400, version: returned.version + 1 });
    expect((await unit.put(`/api/refunds/${r.id}`, { ...returned, amountFen: 300 })).statusCode).toBe(409);
    expect((await unit.post(`/api/refunds/${r.id}/submit`, {})).json().status).toBe('submitted');
    expect((await unit.put(`/api/refunds/${r.id}`, edited.json())).statusCode).toBe(409);
  });
});

describe('refund application form support', () => {
  it("answers the refundable amount of the unit's own paid decision, 404 for another unit's", async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const res = await unit.get(`/api/refunds/refundable/${d.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decisionId: d.id, paidFen: d.paid, refundableFen: d.paid });
    const other = await as('unit_market');
    expect((await other.get(`/api/refunds/refundable/${d.id}`)).statusCode).toBe(404);
    expect((await (await as('finance')).get(`/api/refunds/refundable/${d.id}`)).statusCode).toBe(403);
  });

  it('a schema failure names each field with a code and its limits', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const res = await unit.post('/api/refunds', {
      ...application(d.id, 100),
      payeeName: '',
      payeeAccount: '12ab',
      note: 'x'.repeat(2001),
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid_input');
    expect(body.errors).toMatchObject({
      payeeName: { code: 'required' },
      payeeAccount: { code: 'digits_8_32' },
      colour: { code: 'not_a_known_field' },
    });
    expect(body.errors.note).toEqual({ code: 'too_long', params: { max: expect.any(Number) } });
  });
});

describe('refund rules', () => {
  it('refuses an over-refund and a second pending refund for the same reason (also while a draft); withdrawal frees it', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const over = await unit.post('/api/refunds', application(d.id, d.paid + 1));
    expect(over.statusCode).toBe(422);
    // Codes with parameters, so the form marks the amount field in the user's language.
    expect(over.json()).toMatchObject({
      code: 'over_refund',
      params: { refundableFen: d.paid },
      errors: { amountFen: { code: 'over_refund', params: { refundableFen: d.paid } } },
    });
    expect(typeof over.json().message).toBe('string');
    const first = (await unit.post('/api/refunds', application(d.id, 1_000, 'overpaid'))).json();
    const again = await unit.post('/api/refunds', application(d.id, 1_000, 'overpaid'));
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('duplicate_pending_refund');
    const rest = await unit.post('/api/refunds', application(d.id, d.paid - 1_000 + 1, 'changed'));
    expect(rest.json().code).toBe('over_refund');
    expect((await unit.post('/api/refunds', application(d.id, d.paid - 1_000, 'changed'))).statusCode).toBe(
      201,
    );
    expect((await unit.post(`/api/refunds/${first.id}/withdraw`, {})).json().status).toBe('withdrawn');
    expect((await unit.post('/api/refunds', application(d.id, 1_000, 'overpaid'))).statusCode).toBe(201);
  });

  it('only a paid decision of the own unit can be refunded', async () => {
    const unit = await as('unit');
    const other = await paidDecision(2);
    expect((await unit.post('/api/refunds', application(other.id, 100))).statusCode).toBe(404);
    const [unpaid] = await t.database.db
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.unitId, 1), eq(decisions.paymentStatus, 'unpaid')))
      .limit(1);
    expect((await unit.post('/api/refunds', application(unpaid.id, 100))).json().code).toBe(
      'decision_not_paid',
    );
  });

  it('a large refund needs two different finance users; the same one twice is a four-eyes breach', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1, THRESHOLD + 1);
    const r = (await unit.post('/api/refunds', application(d.id, THRESHOLD + 1, 'duplicate'))).json();
    await unit.post(`/api/refunds/${r.id}/submit`, {});
    await (await as('police')).post(`/api/refunds/${r.id}/review`, {});
    const finance = await as('finance');
    const first = (await finance.post(`/api/refunds/${r.id}/approve`, {})).json();
    expect(first).toMatchObject({
      status: 'reviewed',
      approvals: [expect.anything()],
      approvalCount: 1,
      approvalsNeeded: 2,
    });
    const twice = await finance.post(`/api/refunds/${r.id}/approve`, {});
    expect(twice.statusCode).toBe(403);
    expect(twice.json().code).toBe('already_approved_by_you');
    expect((await finance.post(`/api/refunds/${r.id}/issue-voucher`, {})).statusCode).toBe(409);
    const finance2 = await as('finance2');
    const inbox = (await finance2.get(listUrl('refunds', { filter: { pendingFor: 'me' } }))).json();
    expect(inbox.find((x: { id: number }) => x.id === r.id)).toMatchObject({
      approvalCount: 1,
      approvalsNeeded: 2,
    });
    const second = (await finance2.post(`/api/refunds/${r.id}/approve`, {})).json();
    expect(second).toMatchObject({ status: 'approved' });
    expect(second.approvals).toHaveLength(2);
  });

  it('a market unit is reviewed by its department, not by police; each sees only its own', async () => {
    const unit = await as('unit_market');
    const d = await paidDecision(7);
    const r = (await unit.post('/api/refunds', application(d.id, 100, 'wrong_payment'))).json();
    await unit.post(`/api/refunds/${r.id}/submit`, {});
    const police = await as('police');
    expect((await police.post(`/api/refunds/${r.id}/review`, {})).statusCode).toBe(404);
    expect((await police.get(`/api/refunds/${r.id}`)).statusCode).toBe(404);
    expect((await (await as('unit')).get(`/api/refunds/${r.id}`)).statusCode).toBe(404);
    const dept = await as('dept_market');
    expect((await dept.post(`/api/refunds/${r.id}/reject`, {})).statusCode).toBe(400);
    expect((await dept.post(`/api/refunds/${r.id}/review`, {})).json().status).toBe('reviewed');
    const finance = await as('finance');
    const rejected = await finance.post(`/api/refunds/${r.id}/reject`, { reason: '证据不足' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', lastReason: '证据不足' });
  });

  it('a failed execution goes back to finance, who reissues a new voucher number', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const r = (await unit.post('/api/refunds', application(d.id, 1_000, 'review_outcome'))).json();
    await unit.post(`/api/refunds/${r.id}/submit`, {});
    await (await as('police')).post(`/api/refunds/${r.id}/review`, {});
    const finance2 = await as('finance2');
    await finance2.post(`/api/refunds/${r.id}/approve`, {});
    const first = (await finance2.post(`/api/refunds/${r.id}/issue-voucher`, {})).json().voucherNumber;
    const treasury = await as('treasury');
    expect((await treasury.post(`/api/refunds/${r.id}/fail`, {})).statusCode).toBe(400);
    expect(
      (await treasury.post(`/api/refunds/${r.id}/fail`, { reason: '收款账户已销户' })).json().status,
    ).toBe('failed');
    const reissued = (await finance2.post(`/api/refunds/${r.id}/reissue-voucher`, {})).json();
    expect(reissued.voucherNumber).not.toBe(first);
    const seq = (n: string) => Number(n.slice(5, 11));
    expect(seq(reissued.voucherNumber)).toBe(seq(first) + 1);
    expect(
      reissued.vouchers.filter((v: { supersededAt: string | null }) => v.supersededAt === null),
    ).toHaveLength(1);
  });

  it('bulk approval answers per id', async () => {
    const unit = await as('unit');
    const police = await as('police');
    const ids: number[] = [];
    for (const reason of ['revoked', 'changed']) {
      const d = await paidDecision(1);
      const r = (await unit.post('/api/refunds', application(d.id, 100, reason))).json();
      await unit.post(`/api/refunds/${r.id}/submit`, {});
      if (reason === 'revoked') await police.post(`/api/refunds/${r.id}/review`, {});
      ids.push(r.id);
    }
    const res = (
      await (await as('finance')).post('/api/refunds/bulk/approve', { ids: [...ids, 999_999] })
    ).json();
    expect(res.results).toEqual([
      { id: ids[0], ok: true, status: 'approved' },
      expect.objectContaining({ id: ids[1], ok: false, statusCode: 409, code: 'wrong_state' }),
      expect.objectContaining({ id: 999_999, ok: false, statusCode: 404 }),
    ]);
  });
});

describe('races (truly parallel on the PostgreSQL leg)', () => {
  it('two applications racing for the same refundable amount: exactly one wins', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const amount = Math.floor(d.paid / 2) + 1;
    const results = await Promise.all([
      unit.post('/api/refunds', application(d.id, amount, 'overpaid')),
      unit.post('/api/refunds', application(d.id, amount, 'changed')),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(201);
    expect([409, 422]).toContain(codes[1]);
    const stored = await t.database.db.select().from(refunds).where(eq(refunds.decisionId, d.id));
    expect(stored).toHaveLength(1);
  });

  it('concurrent approvals of one refund: exactly one approves it', async () => {
    const unit = await as('unit');
    const d = await paidDecision(1);
    const r = (await unit.post('/api/refunds', application(d.id, 100))).json();
    await unit.post(`/api/refunds/${r.id}/submit`, {});
    await (await as('police')).post(`/api/refunds/${r.id}/review`, {});
    const [a, b] = [await as('finance'), await as('finance2')];
    const results = await Promise.all([
      a.post(`/api/refunds/${r.id}/approve`, {}),
      b.post(`/api/refunds/${r.id}/approve`, {}),
    ]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const approvals = await t.database.db.execute(
      sql`select count(*)::int as n from refund_approvals where refund_id = ${r.id}`,
    );
    expect(JSON.stringify(approvals)).toContain('"n":1');
    const [row] = await t.database.db
      .select()
      .from(refunds)
      .where(inArray(refunds.id, [r.id]));
    expect(row.status).toBe('approved');
  });
});

describe('dashboards', () => {
  it('each role’s card counts the refunds waiting for its step, as the inbox lists them', async () => {
    for (const user of ['finance', 'finance2', 'police', 'dept_market', 'treasury', 'unit']) {
      const agent = await as(user);
      const summary = (await agent.get('/api/summary')).json();
      const card = summary.cards.find((c: { key: string }) => c.key === 'refunds_waiting');
      const inbox = await agent.get(listUrl('refunds', { filter: { pendingFor: 'me' } }));
      expect(card.value, user).toBe(Number(inbox.headers['content-range']?.toString().split('/')[1]));
    }
    const finance = (await (await as('finance')).get('/api/summary')).json();
    const byReason = finance.trends.refundsByReason;
    expect(byReason.map((r: { reason: string }) => r.reason)).toEqual([
      'revoked',
      'changed',
      'overpaid',
      'duplicate',
      'wrong_payment',
      'review_outcome',
    ]);
    const all = (await (await as('finance')).get(listUrl('refunds', { range: [0, 999] }))).json();
    const live = all.filter((r: { status: string }) => r.status !== 'withdrawn' && r.status !== 'rejected');
    expect(byReason.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(live.length);
  });

  it('each record says who reviews it, and can() agrees with the server on every reviewer step', async () => {
    const actorOf = async (username: string): Promise<Actor> => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
      return { ...u, role: u.role as Actor['role'] };
    };
    const unit = await as('unit');
    const d = await paidDecision(1);
    const r = (await unit.post('/api/refunds', application(d.id, 300))).json();
    await unit.post(`/api/refunds/${r.id}/submit`, {});
    const expected = { 200: null, 403: 'not_your_step', 409: 'wrong_state' } as const;
    // In order: finance may not reject before the review; police review, then may no longer reject.
    for (const [username, action, status] of [
      ['finance', 'reject', 409],
      ['police', 'review', 200],
      ['police', 'reject', 409],
      ['finance', 'reject', 200],
    ] as const) {
      const agent = await as(username);
      const record = (await agent.get(`/api/refunds/${r.id}`)).json();
      expect(record.unitKind).toBe('traffic_police');
      expect(denial(await actorOf(username), action, 'refunds', record), `${username} ${action}`).toBe(
        expected[status],
      );
      const res = await agent.post(`/api/refunds/${r.id}/${action}`, { reason: '材料不全' });
      expect(res.statusCode, `${username} ${action}`).toBe(status);
    }
  });
});
