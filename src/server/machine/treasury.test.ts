import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../domain';
import { entryFeedback, remittanceTransfers, treasuries, treasuryEntries } from '../db/schema';
import { buildTestApp, type TestApp } from '../test/helper';
import { sign, stringToSign } from './auth';

let t: TestApp;
let treasuryKey: { id: string; secret: string };
let bankKey: { id: string; secret: string };
let treasuryCode: string;
beforeAll(async () => {
  t = await buildTestApp();
  const finance = await t.login('finance');
  treasuryKey = (await finance.post('/api/institution-keys', { institution: 'treasury' })).json();
  bankKey = (await finance.post('/api/institution-keys', { institution: 'bank', bankId: 'ICBC' })).json();
  [{ code: treasuryCode }] = await t.database.db.select({ code: treasuries.code }).from(treasuries).limit(1);
});
afterAll(() => t.close());

function post(key: { id: string; secret: string }, body: unknown, idem: string, at = new Date()) {
  const url = '/api/treasury/v1/entries';
  const raw = JSON.stringify(body);
  const timestamp = at.toISOString();
  return t.app.inject({
    method: 'POST',
    url,
    payload: raw,
    headers: {
      authorization: `HMAC-SHA256 keyId=${key.id},signature=${sign(key.secret, stringToSign('POST', url, timestamp, idem, raw))}`,
      'x-timestamp': timestamp,
      'content-type': 'application/json',
      'idempotency-key': idem,
    },
  });
}

/** A demo transfer the treasury has not entered yet (its feedback is `missing`), with the amount expected. */
async function missingTransfer(skip = 0) {
  const rows = await t.database.db
    .select({
      reference: remittanceTransfers.reference,
      expectedFen: entryFeedback.expectedFen,
      id: remittanceTransfers.id,
    })
    .from(entryFeedback)
    .innerJoin(remittanceTransfers, eq(remittanceTransfers.id, entryFeedback.transferId))
    .where(eq(entryFeedback.type, 'missing'))
    .orderBy(remittanceTransfers.id)
    .limit(skip + 1);
  return rows[skip];
}

const entry = (reference: string, amountFen: number, over: Record<string, unknown> = {}) => ({
  treasuryCode,
  entryDate: '2026-03-13',
  amountFen,
  budgetSubjectCode: '103050101999',
  budgetLevel: 'provincial',
  transferReference: reference,
  ...over,
});
const entryCount = async () => (await t.database.db.select({ n: count() }).from(treasuryEntries))[0].n;

describe('POST /api/treasury/v1/entries (signed)', () => {
  it('refuses forged and stale signatures (401) and a bank key (403), writing nothing', async () => {
    const before = await entryCount();
    const tr = await missingTransfer();
    const body = { entries: [entry(tr.reference, tr.expectedFen)] };
    expect((await post({ ...treasuryKey, secret: 'guess' }, body, 'tr-forged-1')).statusCode).toBe(401);
    expect((await post(treasuryKey, body, 'tr-stale-1', new Date(Date.now() - 10 * 60_000))).statusCode).toBe(
      401,
    );
    expect((await post(bankKey, body, 'tr-bank-1')).statusCode).toBe(403);
    expect(await entryCount()).toBe(before);
  });

  it('stores valid entries, reports invalid ones per item, and the transfer’s feedback becomes 混库', async () => {
    const tr = await missingTransfer();
    const res = await post(
      treasuryKey,
      {
        entries: [
          entry(tr.reference, tr.expectedFen),
          entry('NO-SUCH-REF-1', 100),
          entry(tr.reference, 100, { budgetLevel: 'township' }),
        ],
      },
      'tr-post-1',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1,
      results: [
        { index: 0, status: 'created', id: expect.any(Number) },
        {
          index: 1,
          status: 'error',
          errors: {
            transferReference: {
              code: 'unknown_transfer_reference',
              params: { value: 'NO-SUCH-REF-1' },
              message: expect.stringContaining('NO-SUCH-REF-1'),
            },
          },
        },
        {
          index: 2,
          status: 'error',
          errors: { budgetLevel: { code: 'invalid_choice', message: expect.any(String) } },
        },
      ],
    });
    // The per-item code is worded by the reader's language, from the same texts as the SPA's.
    expect(format('fieldErrors', res.json().results[1].errors.transferReference, 'zh-CN')).toBe(
      '没有凭证号为 NO-SUCH-REF-1 的银行划款',
    );
    const [stored] = await t.database.db
      .select()
      .from(treasuryEntries)
      .where(eq(treasuryEntries.id, res.json().results[0].id));
    expect(stored).toMatchObject({ source: 'api', keyId: treasuryKey.id, amountFen: tr.expectedFen });
    const [row] = await t.database.db.select().from(entryFeedback).where(eq(entryFeedback.transferId, tr.id));
    expect(row.type).toBe('wrong_subject_level');
  });

  it('a replay returns the first answer and writes nothing; the same key with another body is a 422; a resent entry is a duplicate', async () => {
    const tr = await missingTransfer(1);
    const body = { entries: [entry(tr.reference, tr.expectedFen)] };
    const first = await post(treasuryKey, body, 'tr-replay-1');
    const before = await entryCount();
    const again = await post(treasuryKey, body, 'tr-replay-1');
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(await entryCount()).toBe(before);
    expect((await post(treasuryKey, { entries: [entry(tr.reference, 1)] }, 'tr-replay-1')).statusCode).toBe(
      422,
    );
    const resent = await post(treasuryKey, body, 'tr-replay-2');
    expect(resent.json().results[0]).toMatchObject({
      status: 'error',
      errors: { row: { code: 'already_imported', message: expect.stringContaining('already') } },
    });
    expect(await entryCount()).toBe(before);
  });
});

describe('POST /api/treasury-entries/import (the daily entry file)', () => {
  const csv = (lines: string[]) =>
    ['treasuryCode,entryDate,amount,budgetSubjectCode,budgetLevel,transferReference', ...lines].join('\n');

  it('previews, then imports all rows; a bad row rejects the whole file naming line and field', async () => {
    const treasury = await t.login('treasury');
    const a = await missingTransfer(2);
    const b = await missingTransfer(3);
    const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const good = [
      `${treasuryCode},2026-03-13,${yuan(a.expectedFen)},103050101999,省级,${a.reference}`,
      `${treasuryCode},2026-03-13,${yuan(b.expectedFen)},103050101999,provincial,${b.reference}`,
    ];
    const before = await entryCount();
    const bad = await treasury.post('/api/treasury-entries/import', {
      format: 'csv',
      content: csv([...good, `${treasuryCode},2026-03-13,12.345,103050101999,省级,${b.reference}`]),
      dryRun: false,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('import_rejected');
    expect(bad.json().rowErrors).toEqual([
      {
        row: 3,
        field: 'amount',
        code: 'amount_yuan',
        params: expect.any(Object),
        message: expect.any(String),
      },
    ]);
    expect(await entryCount()).toBe(before);

    const preview = await treasury.post('/api/treasury-entries/import', {
      format: 'csv',
      content: csv(good),
      dryRun: true,
    });
    expect(preview.json()).toEqual({ dryRun: true, rows: 2, totalFen: a.expectedFen + b.expectedFen });
    expect(await entryCount()).toBe(before);
    const done = await treasury.post('/api/treasury-entries/import', {
      format: 'csv',
      content: csv(good),
      dryRun: false,
    });
    expect(done.json()).toMatchObject({ dryRun: false, rows: 2 });
    expect(await entryCount()).toBe(before + 2);
    const imported = await t.database.db
      .select()
      .from(treasuryEntries)
      .where(and(eq(treasuryEntries.transferReference, a.reference), eq(treasuryEntries.source, 'import')));
    expect(imported).toHaveLength(1);

    const again = await treasury.post('/api/treasury-entries/import', {
      format: 'csv',
      content: csv(good),
      dryRun: true,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().rowErrors.map((e: { row: number }) => e.row)).toEqual([1, 2]);
  });

  it('only treasury officers import (a bank user or finance gets 403)', async () => {
    for (const user of ['bank_icbc', 'finance']) {
      const agent = await t.login(user);
      const res = await agent.post('/api/treasury-entries/import', {
        format: 'csv',
        content: csv([]),
        dryRun: true,
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
