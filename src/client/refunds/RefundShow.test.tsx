import { fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A refund of ¥12,345.60 that one finance officer approved and a second must approve. */
const refund = (over: Record<string, unknown> = {}) => ({
  id: 7,
  decisionId: 70,
  decisionNumber: '青公交决字〔2026〕000070号',
  unitId: 3,
  unitName: '城东大队',
  reason: 'overpaid',
  amountFen: 1_234_560,
  status: 'reviewed',
  lastReason: null,
  approvalCount: 1,
  approvalsNeeded: 2,
  createdBy: 9,
  createdByName: '城东大队 李娜',
  createdAt: '2026-03-10T02:00:00.000Z',
  payeeName: '张三',
  payeeAccount: '6222 **** **** 1234',
  payeeBank: '工商银行城东支行',
  note: null,
  voucherNumber: null,
  version: 3,
  approvals: [{ userId: 2, name: '财政厅 王敏', at: '2026-03-12T03:00:00.000Z' }],
  events: [],
  attachments: [],
  vouchers: [],
  decision: {
    id: 70,
    decisionNumber: '青公交决字〔2026〕000070号',
    fineFen: 2_000_000,
    servedOn: '2026-02-01',
    partyName: '张*',
    paymentStatus: 'paid',
    paidAt: '2026-02-03T02:00:00.000Z',
  },
  balance: { paidFen: 2_000_000, refundableFen: 765_440, earlier: [] },
  ...over,
});

beforeEach(() => {
  api.state.user = users.finance;
});

const serve = (rows: ReturnType<typeof refund>[]) =>
  server.use(
    http.get('/api/refunds', () =>
      HttpResponse.json(rows, {
        headers: { 'Content-Range': `refunds 0-${rows.length - 1}/${rows.length}` },
      }),
    ),
    // 决定书与金额 lists the decision's receipts; none here.
    http.get('/api/receipts', () =>
      HttpResponse.json([], { headers: { 'Content-Range': 'receipts 0-0/0' } }),
    ),
    http.get('/api/refunds/:id', ({ params }) =>
      HttpResponse.json(rows.find((r) => r.id === Number(params.id))),
    ),
  );

describe('refund show page', () => {
  it('shows the fine, the paid and the refundable amount on 决定书与金额 (nested fields, not "—")', async () => {
    serve([refund()]);
    renderAt('/refunds/7/show/decision');
    expect(await screen.findByText('可退金额', {}, { timeout: 5000 })).toBeInTheDocument();
    const fine = screen.getByText('罚款金额').closest('.ra-field') as HTMLElement;
    expect(within(fine).getByText('¥20,000.00')).toBeInTheDocument();
    const refundable = screen.getByText('可退金额').closest('.ra-field') as HTMLElement;
    expect(within(refundable).getByText('¥7,654.40')).toBeInTheDocument();
    const paid = screen.getByText('已缴金额').closest('.ra-field') as HTMLElement;
    expect(within(paid).getByText('¥20,000.00')).toBeInTheDocument();
  });

  it('says a two-approver refund waits for a second finance officer', async () => {
    serve([refund()]);
    renderAt('/refunds/7/show');
    expect(
      await screen.findByText('已有 1 人批准，尚需另一位财政人员', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('labels a returned application 已退回 with its reason, not 草稿', async () => {
    serve([refund({ status: 'draft', lastReason: '缺少缴款凭证', approvalCount: 0 })]);
    renderAt('/refunds/7/show');
    expect(await screen.findByText('已退回', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText('草稿')).not.toBeInTheDocument();
    expect(screen.getByText('退回原因：缺少缴款凭证')).toBeInTheDocument();
  });

  it('names the reason of a rejected and of a failed refund by what happened', async () => {
    serve([
      refund({ status: 'rejected', lastReason: '收款人不一致' }),
      refund({ id: 8, status: 'failed', lastReason: '收款账户已冻结' }),
    ]);
    renderAt('/refunds/7/show');
    expect(await screen.findByText('驳回原因：收款人不一致', {}, { timeout: 5000 })).toBeInTheDocument();
    renderAt('/refunds/8/show');
    expect(
      await screen.findByText('退付失败原因：收款账户已冻结', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});

describe('refund list', () => {
  it('shows the approval progress and 已退回 in the status column', async () => {
    serve([
      refund(),
      refund({ id: 8, status: 'draft', lastReason: '缺少缴款凭证', approvalCount: 0 }),
      refund({ id: 9, status: 'draft', lastReason: null, approvalCount: 0 }),
    ]);
    renderAt('/refunds');
    expect(
      await screen.findByText('已有 1 人批准，尚需另一位财政人员', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('已退回')).toBeInTheDocument();
    fireEvent.mouseOver(screen.getByText('已退回'));
    expect(await screen.findByText('退回原因：缺少缴款凭证')).toBeInTheDocument();
    expect(screen.getAllByText('草稿')).toHaveLength(1);
  });
});

describe('refund review buttons', () => {
  // Police HQ reviews traffic-police units; a market unit's application belongs to its department.
  it.each([
    ['a traffic brigade, enabled', 'traffic_police', false],
    ['a market-regulation unit, disabled with the reason', 'market_regulation', true],
  ])('police on %s', async (_, unitKind, disabled) => {
    api.state.user = users.police;
    serve([refund({ status: 'submitted', approvalCount: 0, approvals: [], unitKind, unitDepartmentId: 5 })]);
    renderAt('/refunds/7/show');
    const button = await screen.findByRole('button', { name: '复核通过' }, { timeout: 5000 });
    if (disabled) {
      expect(button).toBeDisabled();
      // 退回 and 驳回 carry the same reason.
      expect(screen.getAllByLabelText(/该申请由申请单位的主管部门复核/).length).toBeGreaterThanOrEqual(1);
    } else expect(button).toBeEnabled();
  });
});

describe('refund submit confirmation 提交', () => {
  const unitUser = { ...users.finance, id: 9, username: 'unit', role: 'unit', unitId: 3 };
  // The reviewer is named as `refundReviewerOf` names it: police HQ for a traffic brigade, the unit's
  // supervising department (by its name) for any other unit.
  it.each([
    ['a traffic brigade: 交警总队', 'traffic_police', '提交后转交警总队复核'],
    ['a market-regulation office: its department', 'market_regulation', '提交后转青海省市场监督管理局复核'],
  ])('%s', async (_, unitKind, says) => {
    api.state.user = unitUser as unknown as typeof users.finance;
    serve([refund({ status: 'draft', approvalCount: 0, approvals: [], unitKind, unitDepartmentId: 5 })]);
    server.use(
      http.get('/api/departments/:id', ({ params }) =>
        HttpResponse.json({ id: Number(params.id), name: '青海省市场监督管理局' }),
      ),
    );
    renderAt('/refunds/7/show');
    fireEvent.click(await screen.findByRole('button', { name: '提交' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(new RegExp(says))).toBeInTheDocument();
    expect(within(dialog).queryByText(/主管部门/)).toBeNull();
  });
});

describe('refund list with the column picker', () => {
  it('a row click still opens the refund (the picker 显示列 is in the toolbar, 申请人 behind it)', async () => {
    serve([refund()]);
    renderAt('/refunds');
    expect(await screen.findByRole('button', { name: '显示列' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /申请人/ })).toBeNull();
    fireEvent.click(await screen.findByRole('cell', { name: '青公交决字〔2026〕000070号' }));
    expect(await screen.findByRole('tab', { name: '决定书与金额' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
