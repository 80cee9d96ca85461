import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records a mutation with masked before/after and verifies the chain', async () => {
    const finance = await t.login('finance');
    const before = (await finance.get('/api/agreements/1')).json();
    const res = await finance.put('/api/agreements/1', { ...before, accountBranch: '新营业部' });
    expect(res.statusCode).toBe(200);

    const auditor = await t.login('auditor');
    const list = await auditor.get(
      listUrl('audit-events', { filter: { resource: 'agreements', action: 'update' } }),
    );
    const [event] = list.json();
    expect(event).toMatchObject({ actorUsername: 'finance', actorRole: 'finance', recordId: '1' });
    expect(event.before.accountBranch).toBe(before.accountBranch);
    expect(event.after.accountBranch).toBe('新营业部');
    expect(event.after.accountNumber).toMatch(/^\d{4}\*+\d{4}$/);
    const verify = await auditor.get('/api/audit-events/verify');
    expect(verify.json()).toMatchObject({ ok: true });
    expect(verify.json().count).toBeGreaterThan(3);
  });

  it('refuses updates and deletes at the database level', async () => {
    await expect(
      t.database.db.execute(sql`update audit_events set action = 'x' where id = 1`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events where id = 1`)).rejects.toThrow();
  });

  it('detects a tampered row and names the first broken id', async () => {
    const auditor = await t.login('auditor');
    const [target] = (
      await auditor.get(listUrl('audit-events', { sort: ['id', 'ASC'], range: [1, 1] }))
    ).json();
    // An attacker with superuser rights bypasses the trigger; the hash chain still gives them away.
    await t.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await t.database.db.execute(
      sql`update audit_events set actor_username = 'mallory' where id = ${target.id}`,
    );
    await t.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const verify = (await auditor.get('/api/audit-events/verify')).json();
    expect(verify).toMatchObject({ ok: false, firstBrokenId: target.id });
  });

  it('shows the admin only auth and user-management events', async () => {
    const admin = await t.login('admin');
    const res = await admin.get(listUrl('audit-events', { range: [0, 499] }));
    expect(res.statusCode).toBe(200);
    const resources = new Set(res.json().map((e: { resource: string }) => e.resource));
    expect([...resources].every((r) => ['auth', 'users', 'regions'].includes(r as string))).toBe(true);
    expect(resources.has('auth')).toBe(true);
    const police = await t.login('police');
    expect((await police.get('/api/audit-events')).statusCode).toBe(403);
  });
});
