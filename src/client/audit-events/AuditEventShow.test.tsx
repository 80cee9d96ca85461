import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const auditor = { ...users.police, id: 9, username: 'auditor', displayName: '审计 李娜', role: 'auditor' };
beforeEach(() => {
  api.state.user = auditor as unknown as typeof api.state.user;
});

/** A refund approved: the stored before/after carry codes, fen, UTC instants and a key with no label. */
const event = {
  id: 42,
  at: '2026-03-12T03:00:00.000Z',
  actorUsername: 'finance',
  actorRole: 'finance',
  action: 'approve',
  resource: 'refunds',
  recordId: '7',
  ip: '127.0.0.1',
  before: { status: 'reviewed', amountFen: 1_234_560 },
  after: {
    status: 'approved',
    amountFen: 1_234_560,
    updatedAt: '2026-03-12T03:00:00.000Z',
    internalFlag: null,
  },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('audit event page', () => {
  it('shows before and after as field/value tables in words: labels, enum labels, yuan, Shanghai time', async () => {
    server.use(http.get('/api/audit-events/:id', () => HttpResponse.json(event)));
    renderAt('/audit-events/42/show');
    const before = await screen.findByRole('table', { name: '变更前' }, { timeout: 10_000 });
    const after = screen.getByRole('table', { name: '变更后' });
    const row = (table: HTMLElement, field: string) =>
      within(table).getByRole('rowheader', { name: field }).closest('tr') as HTMLElement;
    expect(row(before, '状态')).toHaveTextContent('已复核');
    expect(row(after, '状态')).toHaveTextContent('已批准');
    expect(row(after, '退付金额')).toHaveTextContent('¥12,345.60');
    // 03:00 UTC is 11:00 in Asia/Shanghai.
    expect(within(after).getByText(/2026-03-12 11:00:00/)).toBeInTheDocument();
    // A key without a label stays itself, as code; no raw JSON anywhere.
    expect(within(after).getByText('internalFlag').tagName).toBe('CODE');
    expect(screen.queryByText(/"status"/)).toBeNull();
    expect(screen.queryByText('reviewed')).toBeNull();
  });
});
