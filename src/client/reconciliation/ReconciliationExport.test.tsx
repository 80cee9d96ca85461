import { fireEvent, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The menu's CSV link, parsed: what the server will be asked for. */
async function csvLink(count: number) {
  fireEvent.click(await screen.findByRole('button', { name: '导出' }, { timeout: 5000 }));
  const csv = await screen.findByRole('menuitem', { name: `CSV 文件（${count} 条）` });
  expect(screen.getByRole('menuitem', { name: `Excel 表格（${count} 条）` })).toHaveAttribute(
    'href',
    expect.stringContaining('/export.xlsx?'),
  );
  return new URL(csv.getAttribute('href')!, 'http://x');
}

describe('reconciliation: 导出 goes to the server', () => {
  it('the run list exports its filter and sort', async () => {
    api.state.user = users.finance;
    const run = {
      id: 3,
      periodType: 'month',
      periodStart: '2026-02-01',
      bankId: null,
      status: 'completed',
      chunksTotal: 28,
      chunksDone: 28,
      found: 0,
      startedByName: '财政厅',
      createdAt: '2026-03-02T01:00:00.000Z',
    };
    server.use(
      http.get('/api/reconciliation-runs', () =>
        HttpResponse.json([run], { headers: { 'Content-Range': 'reconciliation-runs 0-0/1' } }),
      ),
    );
    renderAt('/reconciliation-runs');
    const url = await csvLink(1);
    expect(url.pathname).toBe('/api/reconciliation-runs/export.csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({});
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['id', 'DESC']);
  });

  it('the sign-off page exports the month it shows, one row per bank', async () => {
    api.state.user = users.finance;
    const bank = (bankId: string) => ({
      bankId,
      bankName: bankId,
      signoffs: { finance: null, police: null, bank: null },
      locked: false,
      late: [],
      reconciled: true,
      openDiscrepancies: [],
    });
    server.use(
      http.get('/api/reconciliation-signoffs', ({ request }) =>
        HttpResponse.json({
          month: new URL(request.url).searchParams.get('month'),
          timetable: {
            monthEnd: '2026-02-28',
            treasuryTable: '2026-03-03',
            unitConfirmation: '2026-03-05',
            monthlyReport: '2026-03-05',
          },
          banks: [bank('ICBC'), bank('ABC')],
        }),
      ),
    );
    renderAt('/reconciliation-signoffs');
    const url = await csvLink(2);
    expect(url.pathname).toBe('/api/reconciliation-signoffs/export.csv');
    // The page opens on last month (APP_TODAY 2026-03-16).
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ month: '2026-02' });
    expect(url.searchParams.get('locale')).toBe('zh-CN');
  });
});
