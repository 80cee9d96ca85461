import { parse } from 'csv-parse/sync';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetLevelTexts, roleTexts } from '../../domain/i18n';
import { auditEvents, institutionKeys, users } from '../db/schema';
import { type Agent, buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
const agents = new Map<string, Agent>();
const as = async (username: string) => {
  if (!agents.has(username)) agents.set(username, await t.login(username));
  return agents.get(username)!;
};
beforeAll(async () => {
  t = await buildTestApp();
  // The demo issues no API keys: one to list.
  await (await as('finance')).post('/api/institution-keys', { institution: 'treasury' });
});
afterAll(() => t.close());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csvOf = (payload: Buffer) => parse(payload.subarray(3)) as string[][];
const exportUrl = (resource: string, format: 'csv' | 'xlsx', filter: object = {}, extra = '') =>
  `/api/${resource}/export.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
async function listTotal(agent: Agent, resource: string, filter: object = {}) {
  const res = await agent.get(listUrl(resource, { filter, range: [0, 0] }));
  expect(res.statusCode, `${resource} list`).toBe(200);
  return Number(String(res.headers['content-range']).split('/')[1]);
}

interface Case {
  resource: string;
  /** Who exports; `fewer` sees a smaller part of the same list; `forbidden` may not list it. */
  user: string;
  fewer?: string;
  forbidden?: string;
  filter?: object;
  zh: string[];
  en: string[];
}

const CASES: Case[] = [
  {
    resource: 'agreements',
    user: 'finance',
    fewer: 'bank_icbc',
    forbidden: 'unit',
    filter: { status: 'active' },
    zh: ['协议编号', '收款账号', '缴库方式', '状态'],
    en: ['Agreement no.', 'Account number', 'Status'],
  },
  {
    resource: 'users',
    user: 'admin',
    forbidden: 'finance',
    zh: ['用户名', '姓名', '角色', '锁定'],
    en: ['Username', 'Role'],
  },
  {
    resource: 'regions',
    user: 'finance',
    fewer: 'unit',
    zh: ['区划代码', '名称', '级次'],
    en: ['Code', 'Level'],
  },
  { resource: 'banks', user: 'finance', fewer: 'bank_icbc', zh: ['代码', '名称'], en: ['Code', 'Name'] },
  { resource: 'departments', user: 'finance', zh: ['编号', '名称', '行政区划'], en: ['ID', 'Region'] },
  {
    resource: 'billing-codes',
    user: 'finance',
    filter: { status: 'active' },
    zh: ['项目编码', '部门编码', '项目代码', '预算级次', '状态'],
    en: ['Project code', 'Department code', 'Budget level'],
  },
  { resource: 'budget-subjects', user: 'finance', zh: ['科目编码', '科目名称'], en: ['Code', 'Name'] },
  {
    resource: 'treasuries',
    user: 'finance',
    fewer: 'unit',
    zh: ['国库代码', '级次', '账号'],
    en: ['Treasury code', 'Account number'],
  },
  {
    resource: 'units',
    user: 'finance',
    fewer: 'unit',
    zh: ['单位代码', '名称', '类别'],
    en: ['Code', 'Kind'],
  },
  { resource: 'calendar-years', user: 'finance', zh: ['年度', '休息日天数', '来源'], en: ['Year', 'Source'] },
  {
    resource: 'calendar-entries',
    user: 'finance',
    filter: { year: 2026 },
    zh: ['日期', '类型', '名称'],
    en: ['Date', 'Kind'],
  },
  {
    resource: 'institution-keys',
    user: 'finance',
    forbidden: 'unit',
    zh: ['密钥编号', '机构类型', '状态'],
    en: ['Key ID', 'Institution'],
  },
];

describe('master-data exports 导出', () => {
  it.each(CASES)(
    '$resource: the list’s rows and scope, BOM, headers in both languages, audited',
    async (c) => {
      const agent = await as(c.user);
      const filter = c.filter ?? {};
      const total = await listTotal(agent, c.resource, filter);
      expect(total, c.resource).toBeGreaterThan(0);

      const res = await agent.get(exportUrl(c.resource, 'csv', filter));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
      const rows = csvOf(res.rawPayload);
      expect(rows[0]).toEqual(expect.arrayContaining(c.zh));
      expect(rows.length - 1).toBe(total);

      const en = csvOf((await agent.get(exportUrl(c.resource, 'csv', filter, '&locale=en'))).rawPayload);
      expect(en[0]).toEqual(expect.arrayContaining(c.en));
      expect(en.length).toBe(rows.length);

      // The audit event is written once the last row has left: wait for it, no fixed sleep.
      const lastExport = async () =>
        (
          await t.database.db
            .select()
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.action, 'export'),
                eq(auditEvents.resource, c.resource),
                eq(auditEvents.actorUsername, c.user),
              ),
            )
            .orderBy(desc(auditEvents.id))
            .limit(1)
        )[0]?.after;
      await expect
        .poll(lastExport)
        .toMatchObject({ format: 'csv', filter: JSON.stringify(filter), rows: total });

      if (c.fewer) {
        const fewer = await as(c.fewer);
        const own = await listTotal(fewer, c.resource, filter);
        expect(own).toBeLessThan(total);
        const mine = csvOf((await fewer.get(exportUrl(c.resource, 'csv', filter))).rawPayload);
        expect(mine.length - 1).toBe(own);
      }
      if (c.forbidden)
        expect((await (await as(c.forbidden)).get(exportUrl(c.resource, 'csv'))).statusCode).toBe(403);
    },
  );

  it('users: roles worded, no password hash anywhere in the file', async () => {
    const admin = await as('admin');
    const text = (await admin.get(exportUrl('users', 'csv'))).rawPayload.toString('utf8');
    const rows = csvOf(Buffer.from(text, 'utf8'));
    const role = rows[0].indexOf('角色');
    expect(rows.slice(1).every((r) => Object.values(roleTexts['zh-CN']).includes(r[role]))).toBe(true);
    expect(rows[0].join()).not.toMatch(/密码|password/i);
    const hashes = await t.database.db.select({ h: users.passwordHash }).from(users);
    for (const { h } of hashes) expect(text).not.toContain(h);
  });

  it('institution keys: never the secret, sealed or not', async () => {
    const finance = await as('finance');
    const issued = (await finance.post('/api/institution-keys', { institution: 'police' })).json();
    const text = (await finance.get(exportUrl('institution-keys', 'csv'))).rawPayload.toString('utf8');
    expect(text).toContain(issued.id);
    expect(text).not.toContain(issued.secret);
    const [sealed] = await t.database.db
      .select({ s: institutionKeys.secretEnc })
      .from(institutionKeys)
      .where(eq(institutionKeys.id, issued.id));
    expect(text).not.toContain(sealed.s);
  });

  it('billing codes XLSX: codes stay text with their leading zeros, levels worded, a frozen header', async () => {
    const finance = await as('finance');
    const res = await finance.get(exportUrl('billing-codes', 'xlsx', {}, '&locale=en'));
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.actualRowCount - 1).toBe(await listTotal(finance, 'billing-codes'));
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    const departmentCodes = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) =>
      cell(i + 2, 'Department code'),
    );
    expect(departmentCodes).toContain('00200');
    expect(departmentCodes.every((v) => typeof v === 'string' && /^\d{5}$/.test(v))).toBe(true);
    expect(typeof cell(2, 'Project code')).toBe('string');
    expect(Object.values(budgetLevelTexts.en)).toContain(cell(2, 'Budget level'));
  });

  it('a bad filter is a 400 naming it before anything streams', async () => {
    const bad = await (await as('finance')).get(exportUrl('treasuries', 'csv', { nope: 1 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({ 'filter.nope': { code: 'not_a_known_filter' } });
  });
});
