import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const unitUser = {
  ...users.finance,
  id: 9,
  username: 'unit',
  displayName: '城东大队 王强',
  role: 'unit',
  unitId: 1,
};
const decision = { id: 5, decisionNumber: '青公交决字〔2026〕第0005号', paymentStatus: 'paid' };
/** An application the reviewer returned: a draft with the reason, as GET /api/refunds/:id sends it. */
const returned = {
  id: 77,
  decisionId: 5,
  decisionNumber: decision.decisionNumber,
  unitId: 1,
  unitName: '城东大队',
  reason: 'revoked',
  amountFen: 3_000,
  status: 'draft',
  lastReason: '撤销决定书未加盖公章',
  createdBy: 9,
  payeeName: '韩立新',
  payeeAccount: '6222***********4321',
  payeeBank: '工商银行西宁城西支行',
  note: null,
  version: 2,
  events: [],
  attachments: [],
  approvals: [],
};
let put: Record<string, unknown>[] = [];

beforeEach(() => {
  api.state.user = unitUser as unknown as typeof api.state.user;
  put = [];
  server.use(
    http.get('/api/decisions', () =>
      HttpResponse.json([decision], { headers: { 'Content-Range': 'decisions 0-0/1' } }),
    ),
    http.get('/api/decisions/5', () => HttpResponse.json(decision)),
    http.get('/api/refunds/77', () => HttpResponse.json(returned)),
    http.put('/api/refunds/77', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      put.push(body);
      return HttpResponse.json({ ...returned, ...body, version: 3 });
    }),
  );
});

describe('editing a returned refund application', () => {
  it('keeps the (read-only) decision and saves the corrected application', async () => {
    renderAt('/refunds/77');
    const note = await screen.findByRole('textbox', { name: '说明' }, { timeout: 10_000 });
    await screen.findByDisplayValue(decision.decisionNumber);
    fireEvent.change(note, { target: { value: '已补充加盖公章的撤销决定书' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(put).toHaveLength(1));
    expect(put[0]).toMatchObject({ decisionId: 5, amountFen: 3_000, note: '已补充加盖公章的撤销决定书' });
    expect(screen.queryByText('必填')).not.toBeInTheDocument();
  });
});
