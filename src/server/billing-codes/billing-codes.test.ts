import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const code = (overrides: Record<string, unknown> = {}) => ({
  departmentCode: '00200',
  itemCode: '431000',
  name: '测试罚款项目',
  budgetSubjectCode: '103050101101',
  budgetLevel: 'county',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  ...overrides,
});

describe('billing codes', () => {
  it('demo data covers traffic police, transport and market regulation', async () => {
    const police = await t.login('police');
    const rows = (
      await police.get(listUrl('billing-codes', { filter: { status: 'active' }, range: [0, 99] }))
    ).json();
    const departments = new Set(rows.map((r: { departmentCode: string }) => r.departmentCode));
    expect(departments).toEqual(new Set(['00200', '01500', '02100']));
    expect(rows.find((r: { projectCode: string }) => r.projectCode === '00200430900')).toMatchObject({
      budgetSubjectName: '交通违法罚款',
      budgetLevel: 'county',
    });
  });

  it('creates a code; the same digits with overlapping validity → 409 naming the clash', async () => {
    const finance = await t.login('finance');
    const created = await finance.post('/api/billing-codes', code());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ projectCode: '00200431000', status: 'active' });
    const overlap = await finance.post('/api/billing-codes', code({ effectiveFrom: '2027-01-01' }));
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'billing_code_overlap' });
    expect(overlap.json().message).toContain('00200431000');
  });

  it('the database itself refuses an overlapping period (exclusion constraint)', async () => {
    await expect(
      t.database.db.execute(sql`insert into billing_codes (department_code, item_code, project_code, name, budget_subject_code, budget_level, effective_from)
        values ('00200', '430900', '00200430900', 'dup', '103050101101', 'county', '2025-06-01')`),
    ).rejects.toThrow();
  });

  it('allows the same digits again after the old period ends', async () => {
    const finance = await t.login('finance');
    const a = await finance.post(
      '/api/billing-codes',
      code({ itemCode: '431100', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' }),
    );
    const b = await finance.post(
      '/api/billing-codes',
      code({ itemCode: '431100', effectiveFrom: '2026-01-01' }),
    );
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
  });

  it('retires instead of deleting; a retired code cannot be edited', async () => {
    const finance = await t.login('finance');
    const c = (
      await finance.post('/api/billing-codes', code({ itemCode: '431200', effectiveFrom: '2026-01-01' }))
    ).json();
    const retired = await finance.post(`/api/billing-codes/${c.id}/retire`, { reason: '项目取消' });
    expect(retired.json()).toMatchObject({ status: 'retired', effectiveTo: '2026-03-16' });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/billing-codes/${c.id}`,
      headers: { cookie: finance.cookie, 'x-csrf-token': finance.csrfToken },
    });
    expect(del.statusCode).toBe(404);
    expect((await finance.put(`/api/billing-codes/${c.id}`, retired.json())).statusCode).toBe(409);
    expect((await finance.post(`/api/billing-codes/${c.id}/retire`, {})).statusCode).toBe(409);
  });

  it.each([
    [{ departmentCode: '0020' }, 'departmentCode'],
    [{ itemCode: '43090A' }, 'itemCode'],
    [{ effectiveFrom: '2025-02-30' }, 'effectiveFrom'],
    [{ budgetLevel: 'township' }, 'budgetLevel'],
    [{ budgetSubjectCode: '999999999' }, 'budgetSubjectCode'],
    [{ effectiveTo: '2025-01-01' }, 'effectiveTo'],
  ])('400 naming the field for %o', async (patch, field) => {
    const finance = await t.login('finance');
    const res = await finance.post('/api/billing-codes', code({ itemCode: '439999', ...patch }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().errors)).toContain(field);
  });

  it('imports a CSV all-or-nothing, naming the bad row', async () => {
    const finance = await t.login('finance');
    const header = 'departmentCode,itemCode,name,budgetSubjectCode,budgetLevel,effectiveFrom,effectiveTo';
    const bad = `${header}\n00200,432000,新项目甲,103050101101,county,2026-01-01,\n00200,432001,新项目乙,103050101101,county,2026-13-01,\n`;
    const refused = await finance.post('/api/billing-codes/import', {
      format: 'csv',
      content: bad,
      dryRun: false,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().rowErrors).toEqual([expect.objectContaining({ row: 2, field: 'effectiveFrom' })]);
    expect((await finance.get(listUrl('billing-codes', { filter: { q: '新项目' } }))).json()).toHaveLength(0);
    const good = bad.replace('2026-13-01', '2026-02-01');
    expect(
      (
        await finance.post('/api/billing-codes/import', { format: 'csv', content: good, dryRun: false })
      ).json(),
    ).toEqual({ dryRun: false, rows: 2 });
    expect((await finance.get(listUrl('billing-codes', { filter: { q: '新项目' } }))).json()).toHaveLength(2);
  });

  it('only finance edits; police 403', async () => {
    const police = await t.login('police');
    expect((await police.post('/api/billing-codes', code())).statusCode).toBe(403);
  });
});

describe('budget subjects, treasuries and units', () => {
  it('a local subject needs its national parent; duplicates are refused', async () => {
    const finance = await t.login('finance');
    expect(
      (await finance.post('/api/budget-subjects', { code: '103050199101', name: '其他' })).statusCode,
    ).toBe(400);
    expect(
      (await finance.post('/api/budget-subjects', { code: '103050101', name: '公安罚没收入' })).statusCode,
    ).toBe(422);
    expect(
      (await finance.post('/api/budget-subjects', { code: '103050101102', name: '治安罚款' })).json(),
    ).toMatchObject({ kind: 'local', parentCode: '103050101' });
  });

  it('one treasury per region and level', async () => {
    const finance = await t.login('finance');
    const res = await finance.post('/api/treasuries', {
      code: '630199000',
      name: '重复国库',
      regionCode: '63',
      level: 'provincial',
      accountName: '青海省财政厅',
      accountNumber: '270001000000009999',
      bankName: '人民银行',
    });
    expect(res.statusCode).toBe(422);
  });

  it('a non-police unit needs its supervising department; billing codes are linked', async () => {
    const finance = await t.login('finance');
    const body = {
      code: '63020299',
      name: '乐都区市场监督管理局',
      nameEn: 'Ledu Market Regulation Office',
      kind: 'market',
      regionCode: '630202',
      billingCodeIds: [],
    };
    const missing = await finance.post('/api/units', body);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toHaveProperty('departmentId');
    const market = (
      await finance.get(listUrl('billing-codes', { filter: { departmentCode: '02100' } }))
    ).json();
    const created = await finance.post('/api/units', {
      ...body,
      departmentId: 1,
      billingCodeIds: market.map((c: { id: number }) => c.id),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().billingCodeIds).toHaveLength(market.length);
    const again = await finance.put(`/api/units/${created.json().id}`, {
      ...(created.json() as object),
      billingCodeIds: [market[0].id],
    });
    expect(again.json().billingCodeIds).toEqual([market[0].id]);
  });

  it('a unit user sees only its own unit; the department user its supervised units', async () => {
    const unit = await t.login('unit');
    expect((await unit.get(listUrl('units'))).json().map((u: { id: number }) => u.id)).toEqual([1]);
    const dept = await t.login('dept_market');
    const units = (await dept.get(listUrl('units'))).json();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u: { departmentId: number }) => u.departmentId === 1)).toBe(true);
  });
});
