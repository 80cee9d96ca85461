import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPlate } from '../../domain/identity';
import { buildApp } from '../app';
import { createClock } from '../clock';
import { loadConfig } from '../config';
import { auditEvents, decisions, receipts, refunds } from '../db/schema';
import { redactUrl } from '../http/log-redact';
import { buildTestApp, listUrl, PASSWORD, TEST_TODAY, type TestApp } from '../test/helper';

let t: TestApp;
let target: typeof decisions.$inferSelect;
beforeAll(async () => {
  t = await buildTestApp();
  [target] = await t.database.db
    .select()
    .from(decisions)
    .where(isNotNull(decisions.plate))
    .orderBy(decisions.id)
    .limit(1);
});
afterAll(() => t.close());

const lastSearch = async () =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'search'), eq(auditEvents.resource, 'decisions')))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe('decisions by plate, ID number and party name', () => {
  it('police find a decision by its full plate; the answer and the audit event stay masked', async () => {
    const police = await t.login('police');
    const plate = target.plate as string;
    const res = await police.get(listUrl('decisions', { filter: { plate } }));
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { id: number; plate: string; partyName: string; idNumber: string }[];
    expect(rows.map((r) => r.id)).toContain(target.id);
    for (const r of rows) {
      expect(r.plate).toBe(maskPlate(plate));
      expect(r.plate).not.toBe(plate);
    }
    const event = await lastSearch();
    expect(event.actorUsername).toBe('police');
    expect(event.after).toMatchObject({ plate: maskPlate(plate), results: rows.length });
    expect(JSON.stringify(event.after)).not.toContain(plate);
  });

  it('a fragment of a plate, ID number or name finds nothing (exact match only)', async () => {
    const auditor = await t.login('auditor');
    const plate = target.plate as string;
    for (const filter of [
      { plate: plate.slice(0, -1) },
      { plate: plate.slice(2) },
      { idNumber: target.idNumber.slice(0, 14) },
      { partyName: Array.from(target.partyName)[0] },
    ]) {
      const res = await auditor.get(listUrl('decisions', { filter }));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([]);
      expect(res.headers['content-range']).toMatch(/\/0$/);
    }
  });

  it('finds by the full ID number and the full name, and audits each search with the masked value', async () => {
    const auditor = await t.login('auditor');
    const byId = (await auditor.get(listUrl('decisions', { filter: { idNumber: target.idNumber } }))).json();
    expect(byId.map((r: { id: number }) => r.id)).toContain(target.id);
    expect(byId.every((r: { idNumber: string }) => r.idNumber === maskIdNumber(target.idNumber))).toBe(true);
    expect((await lastSearch()).after).toMatchObject({ idNumber: maskIdNumber(target.idNumber) });

    const byName = (
      await auditor.get(listUrl('decisions', { filter: { partyName: target.partyName } }))
    ).json();
    expect(byName.map((r: { id: number }) => r.id)).toContain(target.id);
    expect(byName.every((r: { partyName: string }) => r.partyName === maskName(target.partyName))).toBe(true);
    const event = await lastSearch();
    expect(event.after).toMatchObject({ partyName: maskName(target.partyName) });
    expect(event.actorUsername).toBe('auditor');
  });

  it('finance, dept and unit are refused (403) and nothing is audited; bank has no decisions at all', async () => {
    const before = (await lastSearch())?.id ?? 0;
    for (const user of ['finance', 'unit', 'dept_market', 'treasury', 'bank_icbc']) {
      const agent = await t.login(user);
      const res = await agent.get(listUrl('decisions', { filter: { plate: target.plate } }));
      expect(res.statusCode, user).toBe(403);
    }
    expect((await lastSearch())?.id ?? 0).toBe(before);
    // The ordinary list stays open to them.
    expect((await (await t.login('finance')).get(listUrl('decisions'))).statusCode).toBe(200);
  });

  it('request logs keep the searched value masked', async () => {
    const lines: string[] = [];
    const config = loadConfig({ APP_TODAY: TEST_TODAY, SEED_DEMO: '0', APP_SECRET_KEY: 'ab'.repeat(32) });
    const { app } = await buildApp({
      config,
      database: t.database,
      clock: createClock(config.appToday),
      logger: { stream: { write: (line) => void lines.push(line) }, level: 'info' },
    });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'police', password: PASSWORD },
    });
    const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')?.value}`;
    const plate = target.plate as string;
    const res = await app.inject({
      method: 'GET',
      url: listUrl('decisions', { filter: { plate, idNumber: target.idNumber } }),
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    await app.close();
    const logged = lines.join('\n');
    expect(logged).toContain('/api/decisions');
    expect(logged).not.toContain(plate);
    expect(logged).not.toContain(encodeURIComponent(plate));
    expect(logged).not.toContain(target.idNumber);
    const urls = lines
      .map((l) => JSON.parse(l).req?.url)
      .filter((u): u is string => u?.includes('decisions'));
    const filter = JSON.parse(new URLSearchParams(urls[0].split('?')[1]).get('filter') as string);
    expect(filter).toEqual({ plate: maskPlate(plate), idNumber: maskIdNumber(target.idNumber) });
  });

  it('redactUrl leaves other URLs alone and hides a filter it cannot read', () => {
    expect(redactUrl('/api/decisions?range=[0,9]')).toBe('/api/decisions?range=[0,9]');
    const q = `/api/refunds?filter=${encodeURIComponent('{"status":"approved"}')}`;
    expect(redactUrl(q)).toBe(q);
    expect(redactUrl(`/api/decisions?filter=${encodeURIComponent('{"plate":"青A1')}`)).toBe(
      '/api/decisions?filter=%5Bredacted%5D',
    );
  });
});

describe('a decision shows its receipts; receipts by number and by decision', () => {
  it('the decision page lists its e-receipt with the payer link', async () => {
    const [r] = await t.database.db
      .select()
      .from(receipts)
      .where(and(eq(receipts.typeCode, 'e_receipt'), isNotNull(receipts.decisionId)))
      .limit(1);
    expect(r).toBeDefined();
    const police = await t.login('police');
    const shown = (await police.get(`/api/decisions/${r.decisionId}`)).json();
    expect(shown.receipts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: r.id,
          code: r.code,
          number: r.number,
          typeCode: 'e_receipt',
          payerLink: `/r/${r.token}`,
        }),
      ]),
    );
    expect(shown.receipts.every((x: object) => !('token' in x))).toBe(true);

    const finance = await t.login('finance');
    const [d] = await t.database.db
      .select()
      .from(decisions)
      .where(eq(decisions.id, r.decisionId as number));
    const byDecision = (
      await finance.get(listUrl('receipts', { filter: { decisionNumber: d.decisionNumber } }))
    ).json();
    expect(byDecision.map((x: { id: number }) => x.id).sort()).toEqual(
      shown.receipts.map((x: { id: number }) => x.id).sort(),
    );
    const byNumber = (
      await finance.get(listUrl('receipts', { filter: { number: String(r.number).padStart(10, '0') } }))
    ).json();
    expect(byNumber.map((x: { id: number }) => x.id)).toContain(r.id);
    expect((await finance.get(listUrl('receipts', { filter: { number: '12a' } }))).statusCode).toBe(400);
  });
});

describe('refund and audit-log filters', () => {
  it('refunds filter by application dates (Shanghai days); a bad date is a 400', async () => {
    const finance = await t.login('finance');
    const all = await t.database.db.select().from(refunds);
    expect(all.length).toBeGreaterThan(0);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(all[0].createdAt);
    const res = await finance.get(
      listUrl('refunds', { filter: { createdAt_gte: day, createdAt_lte: day }, range: [0, 999] }),
    );
    expect(res.statusCode).toBe(200);
    const expected = all.filter(
      (r) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(r.createdAt) === day,
    );
    expect(res.json().length).toBe(expected.length);
    expect(
      (await finance.get(listUrl('refunds', { filter: { createdAt_gte: '2026-02-30' } }))).statusCode,
    ).toBe(400);
  });

  it('the audit log offers the actions and resources it holds; admin sees only its own kinds', async () => {
    const auditor = await t.login('auditor');
    const codes = (await auditor.get('/api/audit-events/codes')).json();
    expect(codes.actions).toEqual(expect.arrayContaining(['login', 'search']));
    expect(codes.resources).toEqual(expect.arrayContaining(['auth', 'decisions']));
    const admin = await t.login('admin');
    const adminCodes = (await admin.get('/api/audit-events/codes')).json();
    expect(adminCodes.resources).not.toContain('decisions');
    expect((await (await t.login('finance')).get('/api/audit-events/codes')).statusCode).toBe(403);
  });
});
