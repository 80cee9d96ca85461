import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const treasuryOfficer = {
  ...users.finance,
  id: 6,
  username: 'treasury',
  displayName: '人民银行国库 陈静',
  role: 'treasury',
};
const KPI = {
  bankId: 'ICBC',
  bankName: '中国工商银行青海省分行',
  count: 10,
  onTimeCount: 8,
  onTimeRate: 0.8,
  avgDelayWorkingDays: 0.3,
  worstDelayWorkingDays: 2,
  overdueAmountFen: 50_000,
  // 1,234.50 yuan held for one day plus 100 yuan for ten days = 2,234.50 yuan-days.
  heldFenDays: 123_450 + 10_000 * 10,
};
const OBLIGATION = {
  id: 41,
  agreementId: 1,
  bankId: 'ICBC',
  bankName: '中国工商银行青海省分行',
  regionCode: '63',
  dueDate: '2026-03-10',
  collectionCount: 2,
  amountFen: 30_000,
  remittedFen: 10_000,
  remittedOn: '2026-03-12',
  status: 'late',
  workingDaysLate: 2,
  heldFenDays: 20_000,
  refreshedAt: '2026-03-16T01:00:00.000Z',
};
let asked: { from: string; to: string }[] = [];

beforeEach(() => {
  api.state.user = treasuryOfficer as unknown as typeof api.state.user;
  asked = [];
  server.use(
    http.get('/api/remittances/timeliness', ({ request }) => {
      const q = new URL(request.url).searchParams;
      asked.push({ from: q.get('from') ?? '', to: q.get('to') ?? '' });
      return HttpResponse.json([KPI]);
    }),
    http.get('/api/remittances/daily', () => HttpResponse.json([])),
  );
});

const lastAsked = () => asked[asked.length - 1];

describe('timeliness page 缴库及时性', () => {
  it('昨日 (the last working day: Friday 03-13 on Monday 2026-03-16) / 本月 / 上月 set the due-date range from the server business date', async () => {
    renderAt('/timeliness');
    const presets = await screen.findByRole('group', { name: '快捷区间' });
    await waitFor(() => expect(lastAsked()).toEqual({ from: '2026-02-24', to: '2026-03-15' }));

    fireEvent.click(within(presets).getByRole('button', { name: '昨日' }));
    await waitFor(() => expect(lastAsked()).toEqual({ from: '2026-03-13', to: '2026-03-13' }));
    expect(screen.getByLabelText('应缴库日起')).toHaveValue('2026-03-13');
    expect(within(presets).getByRole('button', { name: '昨日' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(within(presets).getByRole('button', { name: '本月' }));
    await waitFor(() => expect(lastAsked()).toEqual({ from: '2026-03-01', to: '2026-03-16' }));

    fireEvent.click(within(presets).getByRole('button', { name: '上月' }));
    await waitFor(() => expect(lastAsked()).toEqual({ from: '2026-02-01', to: '2026-02-28' }));
    expect(screen.getByLabelText('应缴库日止')).toHaveValue('2026-02-28');
  });

  it('shows 占压 as yuan-days (元·天), not fen', async () => {
    renderAt('/timeliness');
    const kpi = await screen.findByRole('table', { name: '各银行缴库及时性' });
    expect(await within(kpi).findByText('2,234.50 元·天')).toBeInTheDocument();
    expect(within(kpi).queryByText(/223,450/)).not.toBeInTheDocument();
  });
});

describe('obligations 缴库 → the collections they cover', () => {
  it('the list shows 占压 in 元·天 and a row opens the obligation with its collections', async () => {
    server.use(
      http.get('/api/remittances', () =>
        HttpResponse.json([OBLIGATION], {
          headers: { 'Content-Range': 'remittances 0-0/1', 'Access-Control-Expose-Headers': 'Content-Range' },
        }),
      ),
      http.get('/api/remittances/41', () => HttpResponse.json(OBLIGATION)),
      http.get('/api/remittances/41/collections', () =>
        HttpResponse.json([
          {
            id: 1,
            bankTxnId: 'ICBC-TXN-1',
            decisionNumber: '青公交决字〔2026〕001号',
            decisionId: 7,
            amountFen: 10_000,
            channel: 'mobile_banking',
            collectedAt: '2026-03-09T08:00:00.000Z',
            businessDate: '2026-03-09',
            transferReference: 'ICBC-R-1',
            remittedOn: '2026-03-12',
          },
          {
            id: 2,
            bankTxnId: 'ICBC-TXN-2',
            decisionNumber: '青公交决字〔2026〕002号',
            decisionId: 8,
            amountFen: 20_000,
            channel: 'counter',
            collectedAt: '2026-03-09T09:00:00.000Z',
            businessDate: '2026-03-09',
            transferReference: null,
            remittedOn: null,
          },
        ]),
      ),
    );
    renderAt('/remittances');
    expect(await screen.findByText('200.00 元·天')).toBeInTheDocument();
    fireEvent.click(screen.getByText('2026-03-10'));
    const table = await screen.findByRole('table', { name: '所含缴款' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('手机银行')).toBeInTheDocument();
    expect(within(rows[1]).getByText('2026/3/9 16:00')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: '青公交决字〔2026〕001号' })).toHaveAttribute(
      'href',
      '#/decisions/7/show',
    );
    expect(within(rows[2]).getAllByText('未缴库')).toHaveLength(2);
    expect(screen.getAllByText('200.00 元·天').length).toBeGreaterThan(0);
  });
});
