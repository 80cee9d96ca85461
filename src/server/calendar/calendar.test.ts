import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

// The State Council's 2024 arrangement.
const CSV_2024 = `date,kind,name,region
2024-01-01,HOLIDAY,元旦,
${['10', '11', '12', '13', '14', '15', '16', '17'].map((d) => `2024-02-${d},HOLIDAY,春节,`).join('\n')}
2024-02-04,ADJUSTED_WORKDAY,春节调休,
2024-02-18,ADJUSTED_WORKDAY,春节调休,
2024-04-04,HOLIDAY,清明节,
2024-04-05,HOLIDAY,清明节,
2024-04-06,HOLIDAY,清明节,
2024-04-07,ADJUSTED_WORKDAY,清明调休,
2024-04-28,ADJUSTED_WORKDAY,劳动节调休,
${['01', '02', '03', '04', '05'].map((d) => `2024-05-${d},HOLIDAY,劳动节,`).join('\n')}
2024-05-11,ADJUSTED_WORKDAY,劳动节调休,
2024-06-10,HOLIDAY,端午节,
2024-09-14,ADJUSTED_WORKDAY,中秋调休,
2024-09-15,HOLIDAY,中秋节,
2024-09-16,HOLIDAY,中秋节,
2024-09-17,HOLIDAY,中秋节,
2024-09-29,ADJUSTED_WORKDAY,国庆调休,
${['01', '02', '03', '04', '05', '06', '07'].map((d) => `2024-10-${d},HOLIDAY,国庆节,`).join('\n')}
2024-10-12,ADJUSTED_WORKDAY,国庆调休,
`;

describe('calendar import', () => {
  it('ships 2025 and 2026', async () => {
    const police = await t.login('police');
    const years = (await police.get(listUrl('calendar-years'))).json().map((y: { year: number }) => y.year);
    expect(years).toEqual([2026, 2025]);
  });

  it('refuses a file with a bad row, naming row and field, and writes nothing', async () => {
    const finance = await t.login('finance');
    const bad = CSV_2024.replace('2024-06-10,HOLIDAY', '2024-02-30,HOLIDAY').replace(
      '2024-09-29,ADJUSTED_WORKDAY',
      '2024-09-30,ADJUSTED_WORKDAY',
    );
    const res = await finance.post('/api/calendar-years/import', {
      format: 'csv',
      content: bad,
      dryRun: false,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_rejected');
    expect(body.rowErrors).toEqual([
      expect.objectContaining({ field: 'date', code: 'not_a_date', params: { value: '2024-02-30' } }),
      expect.objectContaining({ field: 'kind', code: 'adjusted_workday_on_weekday' }),
    ]);
    expect(body.rowErrors[0].row).toBe(23);
    const years = (await finance.get(listUrl('calendar-years'))).json().map((y: { year: number }) => y.year);
    expect(years).not.toContain(2024);
  });

  it('previews, then imports all-or-nothing; a re-import replaces the year', async () => {
    const finance = await t.login('finance');
    const preview = await finance.post('/api/calendar-years/import', {
      format: 'csv',
      content: CSV_2024,
      dryRun: true,
    });
    expect(preview.json()).toMatchObject({
      dryRun: true,
      years: [{ year: 2024, holidays: 28, adjustedWorkdays: 8, replaces: false }],
    });
    expect(
      (await finance.get(listUrl('calendar-entries', { filter: { year: 2024 } }))).headers['content-range'],
    ).toMatch(/\/0$/);
    const done = await finance.post('/api/calendar-years/import', {
      format: 'csv',
      content: CSV_2024,
      dryRun: false,
    });
    expect(done.statusCode).toBe(200);
    expect(
      (await finance.get(listUrl('calendar-entries', { filter: { year: 2024 }, range: [0, 99] }))).json(),
    ).toHaveLength(36);
    const again = await finance.post('/api/calendar-years/import', {
      format: 'json',
      content: JSON.stringify([{ date: '2024-01-01', kind: 'HOLIDAY', name: '元旦' }]),
      dryRun: false,
    });
    expect(again.json().years[0]).toMatchObject({ year: 2024, replaces: true, holidays: 1 });
    expect(
      (await finance.get(listUrl('calendar-entries', { filter: { year: 2024 } }))).headers['content-range'],
    ).toMatch(/\/1$/);
  });

  it('only finance and admin import', async () => {
    const police = await t.login('police');
    expect(
      (await police.post('/api/calendar-years/import', { format: 'csv', content: CSV_2024 })).statusCode,
    ).toBe(403);
  });

  it('400 for an unreadable file', async () => {
    const finance = await t.login('finance');
    const res = await finance.post('/api/calendar-years/import', { format: 'json', content: '{not json' });
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/deadline-calculator', () => {
  const url = (q: Record<string, string | number>) =>
    `/api/deadline-calculator?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;

  it('computes the National Day example with its reasoning', async () => {
    const unit = await t.login('unit');
    const res = await unit.get(url({ fineFen: 20000, servedOn: '2025-09-20', paidOn: '2025-10-10' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      deadline: '2025-10-09',
      fifteenthDay: '2025-10-05',
      movedOver: ['2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
      lateDays: 1,
      feeFen: 600,
      amountDueFen: 20600,
    });
  });

  it('422 naming the missing year instead of guessing', async () => {
    const unit = await t.login('unit');
    const res = await unit.get(url({ fineFen: 20000, servedOn: '2026-12-20', paidOn: '2027-01-10' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'calendar_missing',
      params: { year: 2027 },
      errors: { year: { code: 'calendar_missing', params: { year: 2027 } } },
    });
  });

  it('400 for an impossible date or a bad amount', async () => {
    const unit = await t.login('unit');
    expect(
      (await unit.get(url({ fineFen: 20000, servedOn: '2025-02-30', paidOn: '2025-03-10' }))).json().errors,
    ).toHaveProperty('servedOn');
    expect(
      (await unit.get(url({ fineFen: '12.5', servedOn: '2025-03-03', paidOn: '2025-03-10' }))).json().errors,
    ).toHaveProperty('fineFen');
  });
});

describe('calendar warning on the dashboard', () => {
  it('warns finance from 1 December when next year is missing', async () => {
    const december = await (await import('../test/helper')).buildTestApp({ APP_TODAY: '2026-12-02' });
    try {
      const finance = await december.login('finance');
      expect((await finance.get('/api/summary')).json().warnings).toEqual([
        { key: 'calendar_missing', year: 2027 },
      ]);
      const police = await december.login('police');
      expect((await police.get('/api/summary')).json().warnings).toEqual([]);
    } finally {
      await december.close();
    }
    const finance = await t.login('finance');
    expect((await finance.get('/api/summary')).json().warnings).toEqual([]);
  });
});
