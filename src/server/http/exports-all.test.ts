import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, RESOURCES } from '../../domain/permissions';
import type { Role } from '../../domain/roles';
import { type Agent, buildTestApp, type TestApp } from '../test/helper';

const ADMIN_LISTS = RESOURCES.filter((r) => PERMISSIONS[r].list?.includes('admin'));
// Every other list, exported by a demo user of the first role that may open it.
const DEMO_USER: Record<Role, string> = {
  admin: 'admin',
  finance: 'finance',
  auditor: 'auditor',
  police: 'police',
  treasury: 'treasury',
  unit: 'unit',
  dept: 'dept_market',
  bank: 'bank_icbc',
};
const OTHER_LISTS = RESOURCES.filter((r) => PERMISSIONS[r].list && !ADMIN_LISTS.includes(r)).map(
  (r) => [r, DEMO_USER[(PERMISSIONS[r].list as readonly Role[])[0]]] as const,
);

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('every list has a CSV export', () => {
  it.each(ADMIN_LISTS)('GET /api/%s/export.csv → 200 with the BOM', async (r) => {
    const res = await admin.get(`/api/${r}/export.csv`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each(OTHER_LISTS)('GET /api/%s/export.csv as %s → 200 with the BOM', async (r, username) => {
    const res = await (await t.login(username)).get(`/api/${r}/export.csv`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
