import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';
import { wrapLabel } from './CategoryBarChart';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const police = { ...users.finance, id: 4, username: 'police', displayName: '交警总队 李明', role: 'police' };
const OPEN_BY_TYPE = [
  { type: 'paid_without_funds', open: 3 },
  { type: 'sync_lag', open: 7 },
  { type: 'single_user_manual', open: 1 },
  { type: 'reversal', open: 0 },
  { type: 'amount_mismatch', open: 2 },
  { type: 'duplicate', open: 1 },
];
let flagQueries: Record<string, unknown>[] = [];

beforeEach(() => {
  api.state.user = police as unknown as typeof api.state.user;
  flagQueries = [];
  server.use(
    http.get('/api/summary', () =>
      HttpResponse.json({
        role: 'police',
        today: '2026-03-16',
        cards: [],
        warnings: [],
        trends: {
          syncLag: [
            { date: '2026-03-15', raised: 2, resolved: 1 },
            { date: '2026-03-16', raised: 1, resolved: 0 },
          ],
          openFlagsByType: OPEN_BY_TYPE,
        },
      }),
    ),
    http.get('/api/reconciliation-signoffs', () =>
      HttpResponse.json({
        month: '2026-02',
        timetable: { monthEnd: '', treasuryTable: '', unitConfirmation: '', monthlyReport: '' },
        banks: [],
      }),
    ),
    http.get('/api/paid-status-flags/counts', () => HttpResponse.json({ paid_without_funds: 3 })),
    http.get('/api/paid-status-flags', ({ request }) => {
      flagQueries.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}'));
      return HttpResponse.json([], { headers: { 'Content-Range': 'paid-status-flags 0-0/0' } });
    }),
  );
});

describe('dashboard charts 工作台图表', () => {
  it('shows every flag type by its whole name, never a clipped one', async () => {
    renderAt('/');
    const chart = await screen.findByTestId('open-flags-by-type', {}, { timeout: 15_000 });
    // One bar per type with open flags (状态回退 has none).
    await waitFor(() => expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(5));
    // The whole name, in one piece: a clipped "…到账即已缴款" would read as its opposite.
    const label = await waitFor(() => {
      const found = [...chart.querySelectorAll('text')].find((t) => t.textContent === '无资金到账即已缴款');
      expect(found).toBeDefined();
      return found as SVGTextElement;
    });
    expect(label.closest('a')?.getAttribute('href')).toBe(
      `#/paid-status-flags?filter=${encodeURIComponent('{"state":"open","type":"paid_without_funds"}')}`,
    );
    for (const name of ['同步滞后', '单人手工改状态', '状态回退', '金额不符', '重复缴款'])
      expect([...chart.querySelectorAll('text')].some((t) => t.textContent === name)).toBe(true);
  });

  it('opens the open flags of a type when its bar is clicked', async () => {
    renderAt('/');
    const chart = await screen.findByTestId('open-flags-by-type', {}, { timeout: 15_000 });
    // One bar per type with open flags (状态回退 has none).
    await waitFor(() => expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(5));
    fireEvent.click(chart.querySelectorAll('.recharts-bar-rectangle')[0]);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/paid-status-flags\?/));
    await waitFor(() => expect(flagQueries).toContainEqual({ state: 'open', type: 'paid_without_funds' }));
  });
});

describe('wrapLabel', () => {
  it('keeps a short name whole and wraps a long one without losing a character', () => {
    expect(wrapLabel('无资金到账即已缴款', 200)).toEqual(['无资金到账即已缴款']);
    const lines = wrapLabel('无资金到账即已缴款', 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('无资金到账即已缴款');
    expect(wrapLabel('Paid without funds received', 100).join(' ')).toBe('Paid without funds received');
  });
});
