import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const police = { ...users.finance, id: 4, username: 'police', displayName: '交警总队 李明', role: 'police' };
// Flags as the API sends them since issue 14: the detail is a code with params, never English.
const flags = [
  {
    id: 2,
    type: 'sync_lag',
    decisionId: 5,
    decisionNumber: '青公交决字〔2026〕第0005号',
    detail: {
      code: 'unpaid_after_collection',
      params: { bankTxnId: 'ICBC-20261102-0001', receivedAt: '2026-11-02T02:07:24.000Z', hours: 2 },
    },
    state: 'open',
    createdAt: '2026-11-02T04:10:00.000Z',
    reviewNote: null,
  },
  {
    id: 1,
    type: 'amount_mismatch',
    decisionId: 6,
    decisionNumber: '青公交决字〔2026〕第0006号',
    detail: { code: 'underpaid', params: { dueFen: 12_000, on: '2026-03-02' } },
    state: 'open',
    createdAt: '2026-03-02T04:10:00.000Z',
    reviewNote: null,
  },
];

beforeEach(() => {
  api.state.user = police as unknown as typeof api.state.user;
  server.use(
    http.get('/api/paid-status-flags/counts', () => HttpResponse.json({ sync_lag: 1, amount_mismatch: 1 })),
    http.get('/api/paid-status-flags', () =>
      HttpResponse.json(flags, { headers: { 'Content-Range': 'paid-status-flags 0-1/2' } }),
    ),
  );
});

describe('paid-status flag inbox 缴款状态稽核', () => {
  it('words each flag detail in Chinese, the time in Asia/Shanghai and the money in yuan', async () => {
    renderAt('/paid-status-flags');
    expect(
      await screen.findByText(
        '银行流水 ICBC-20261102-0001 于 2026-11-02 10:07 到达，2 小时后决定书仍为未缴款',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('实收少于 2026-03-02 应缴的 ¥120.00')).toBeInTheDocument();
    expect(screen.queryByText(/Collection|fen|received/)).not.toBeInTheDocument();
  });
});
