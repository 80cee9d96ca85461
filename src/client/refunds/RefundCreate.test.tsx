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
let posted: { amountFen: number }[] = [];

beforeEach(() => {
  api.state.user = unitUser as unknown as typeof api.state.user;
  posted = [];
  server.use(
    http.get('/api/decisions', () =>
      HttpResponse.json([decision], { headers: { 'Content-Range': 'decisions 0-0/1' } }),
    ),
    http.get('/api/decisions/5', () => HttpResponse.json(decision)),
    http.get('/api/refunds/refundable/5', () =>
      HttpResponse.json({ decisionId: 5, paidFen: 20_000, refundableFen: 15_000 }),
    ),
    // The real server's answer for an amount above what is refundable (see refunds.test.ts).
    http.post('/api/refunds', async ({ request }) => {
      const body = (await request.json()) as { amountFen: number };
      posted.push(body);
      if (body.amountFen > 15_000)
        return HttpResponse.json(
          {
            message: 'The amount exceeds the refundable 15000 fen (paid − executed − pending refunds)',
            code: 'over_refund',
            params: { refundableFen: 15_000 },
            errors: { amountFen: { code: 'over_refund', params: { refundableFen: 15_000 } } },
            refundableFen: 15_000,
          },
          { status: 422 },
        );
      return HttpResponse.json({ id: 77, ...body, status: 'draft' }, { status: 201 });
    }),
    http.get('/api/refunds/77', () => HttpResponse.json({ id: 77, status: 'draft', decisionId: 5 })),
    http.get('/api/refunds/77/*', () => HttpResponse.json([])),
  );
});

const prefilled = {
  decisionId: 5,
  reason: 'revoked',
  amountYuan: '180.00',
  payeeName: '叶小梅',
  payeeAccount: '6222020200012345678',
  payeeBank: '工商银行西宁城东支行',
};

describe('refund application form 退付申请', () => {
  it('shows the refundable amount once a decision is chosen', async () => {
    renderAt(`/refunds/create?source=${encodeURIComponent(JSON.stringify({ decisionId: 5 }))}`);
    expect(await screen.findByText('已缴 ¥200.00，尚可退 ¥150.00（已缴 − 已退 − 在途）')).toBeInTheDocument();
  });

  it('marks the amount in Chinese after a 422 over_refund, and sends again once corrected', async () => {
    renderAt(`/refunds/create?source=${encodeURIComponent(JSON.stringify(prefilled))}`);
    await screen.findByText('已缴 ¥200.00，尚可退 ¥150.00（已缴 − 已退 − 在途）');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    // On the amount field, in Chinese, with the limit in yuan — not only a form-level "表单填写有误".
    expect(await screen.findByText('最多可退 ¥150.00')).toBeInTheDocument();
    expect(posted.map((p) => p.amountFen)).toEqual([18_000]);

    fireEvent.change(screen.getByRole('textbox', { name: /退付金额/ }), { target: { value: '150.00' } });
    await waitFor(() => expect(screen.queryByText('最多可退 ¥150.00')).not.toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(posted.map((p) => p.amountFen)).toEqual([18_000, 15_000]));
  });
});
