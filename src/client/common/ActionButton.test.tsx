import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const listOf = (resource: string, rows: object[]) =>
  HttpResponse.json(rows, {
    headers: {
      'Content-Range': `${resource} 0-${Math.max(rows.length - 1, 0)}/${rows.length}`,
      'Access-Control-Expose-Headers': 'Content-Range',
    },
  });

const writeOff = (id: number, status: string) => ({
  id,
  unitId: 1,
  unitName: '城东大队',
  regionCode: '630102',
  typeCode: 'onsite_receipt',
  startNo: 2001,
  endNo: 2050,
  count: 50,
  status,
  requestedAt: '2026-03-10T02:00:00.000Z',
  decisionReason: null,
});

const refund = {
  id: 31,
  status: 'reviewed',
  reason: 'overpaid',
  amountFen: 1_234_560,
  unitId: 7,
  unitName: '城中区市场监督管理局',
  regionCode: '630103',
  decisionId: 5,
  decisionNumber: '青市监罚〔2026〕17号',
  createdBy: 12,
  createdByName: '城中区 李娜',
  reviewedBy: 13,
  payeeName: '西宁鑫源商贸有限公司',
  payeeAccount: '6222****1234',
  payeeBank: '中国工商银行西宁城中支行',
  note: null,
  voucherNumber: null,
  lastReason: null,
  version: 3,
  approvals: [] as { userId: number; name: string; at: string }[],
  events: [],
  attachments: [],
  vouchers: [],
  decision: null,
  balance: { paidFen: 1_300_000, refundableFen: 65_440, earlier: [] },
};

let posted: { path: string; body: unknown }[] = [];
beforeEach(() => {
  api.state.user = users.finance;
  posted = [];
});

const record = (path: string, body: unknown) => posted.push({ path, body });

describe('receipt write-offs 缴销', () => {
  it('a decided write-off offers no approve button; approving a waiting one restates unit, range and count first', async () => {
    const rows = [writeOff(1, 'requested'), writeOff(2, 'approved'), writeOff(3, 'rejected')];
    server.use(
      http.get('/api/receipt-write-offs', () => listOf('receipt-write-offs', rows)),
      http.post('/api/receipt-write-offs/:id/approve', async ({ request, params }) => {
        record(new URL(request.url).pathname, await request.json());
        rows[Number(params.id) - 1] = writeOff(Number(params.id), 'approved');
        return HttpResponse.json(rows[Number(params.id) - 1]);
      }),
    );
    renderAt('/receipt-write-offs');
    expect(await screen.findAllByText('城东大队')).toHaveLength(3);
    // Only the waiting one can be decided: one approve and one reject button in the whole list.
    const approve = screen.getAllByRole('button', { name: '同意缴销' });
    expect(approve).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: '退回' })).toHaveLength(1);
    fireEvent.click(approve[0]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('step-confirmation')).toHaveTextContent(
      '批准缴销：城东大队 的罚款收据 2001–2050，共 50 份。批准后这些存根即核销，不能撤销。',
    );
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(posted).toEqual([{ path: '/api/receipt-write-offs/1/approve', body: {} }]));
    await waitFor(() => expect(screen.queryAllByRole('button', { name: '同意缴销' })).toHaveLength(0));
  });
});

describe('refund approval 批准', () => {
  const serve = (r: typeof refund) =>
    server.use(
      http.get('/api/refunds/:id', () => HttpResponse.json(r)),
      http.post('/api/refunds/:id/:action', async ({ request }) => {
        record(new URL(request.url).pathname, await request.json());
        return HttpResponse.json({ ...r, approvals: [{ userId: users.finance.id, name: 'x', at: '' }] });
      }),
    );

  it('restates amount in yuan, payee, unit and decision before approving', async () => {
    serve(refund);
    renderAt('/refunds/31/show');
    fireEvent.click(await screen.findByRole('button', { name: '批准' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('step-confirmation')).toHaveTextContent(
      '批准：向「西宁鑫源商贸有限公司」退付 ¥12,345.60（城中区市场监督管理局，决定书 青市监罚〔2026〕17号）。',
    );
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(posted).toEqual([{ path: '/api/refunds/31/approve', body: {} }]));
  });

  it('the finance user who approved already sees 批准 disabled, with the reason', async () => {
    serve({
      ...refund,
      approvals: [{ userId: users.finance.id, name: '财政厅 王敏', at: '2026-03-15T02:00:00Z' }],
    });
    renderAt('/refunds/31/show');
    const approve = await screen.findByRole('button', { name: '批准' });
    expect(approve).toBeDisabled();
    expect(screen.getByLabelText('您已批准过，第二次审批须由另一位财政人员完成')).toBeInTheDocument();
  });
});

describe('status corrections (four eyes)', () => {
  it('the proposing officer sees confirm and reject disabled with the reason; another officer may decide', async () => {
    const rows = [
      {
        id: 9,
        decisionId: 5,
        decisionNumber: '青公交决字〔2026〕00017号',
        toStatus: 'paid',
        reason: '当事人提供缴款凭证',
        proposedBy: users.police.id,
        proposedByName: users.police.displayName,
        state: 'proposed',
        decisionNote: null,
        createdAt: '2026-03-15T02:00:00.000Z',
      },
    ];
    server.use(http.get('/api/status-corrections', () => listOf('status-corrections', rows)));
    api.state.user = users.police;
    const view = renderAt('/status-corrections');
    const confirm = await screen.findByRole('button', { name: '确认' });
    expect(confirm).toBeDisabled();
    expect(screen.getAllByLabelText('本人提出的更正须由另一位民警确认或驳回')).toHaveLength(2);
    view.unmount();
    // A second officer (the fixtures have one police user; only the id matters here).
    api.state.user = { ...users.police, id: 5 } as unknown as typeof users.police;
    renderAt('/status-corrections');
    expect(await screen.findByRole('button', { name: '确认' })).toBeEnabled();
  });
});

describe('month sign-off 签认', () => {
  const table = (reconciled: boolean) => ({
    month: '2026-02',
    timetable: {
      monthEnd: '2026-02-28',
      treasuryTable: '2026-03-03',
      unitConfirmation: '2026-03-05',
      monthlyReport: '2026-03-05',
    },
    banks: [
      {
        bankId: 'ICBC',
        bankName: '中国工商银行青海省分行',
        signoffs: { finance: null, police: null, bank: null },
        locked: false,
        late: [],
        reconciled,
        openDiscrepancies: [
          { type: 'amount_mismatch', count: 3, platformFen: 60_000, bankFen: 55_000 },
          { type: 'remitted_not_entered', count: 1, platformFen: 12_300, bankFen: null },
        ],
      },
    ],
  });

  it('is disabled until a run covered the month, then names the open discrepancies and needs an acknowledgement', async () => {
    let reconciled = false;
    server.use(
      http.get('/api/reconciliation-signoffs', () => HttpResponse.json(table(reconciled))),
      http.post('/api/reconciliation-signoffs', async ({ request }) => {
        record(new URL(request.url).pathname, await request.json());
        return HttpResponse.json({ locked: false }, { status: 201 });
      }),
    );
    const view = renderAt('/reconciliation-signoffs');
    const early = await screen.findByRole('button', { name: '签认' });
    expect(early).toBeDisabled();
    expect(screen.getByLabelText('该月该行尚未完成对账，暂不能签认')).toBeInTheDocument();
    view.unmount();

    reconciled = true;
    renderAt('/reconciliation-signoffs');
    fireEvent.click(await screen.findByRole('button', { name: '签认' }));
    const dialog = await screen.findByRole('dialog');
    const text = within(dialog).getByTestId('step-confirmation');
    expect(text).toHaveTextContent('签认 2026-02 中国工商银行青海省分行 的对账结果');
    expect(text).toHaveTextContent('尚有 4 条未解决的差异');
    expect(text).toHaveTextContent('金额不符：3 条，平台金额 ¥600.00，银行金额 ¥550.00');
    expect(text).toHaveTextContent('已缴库未入库：1 条，平台金额 ¥123.00');
    expect(text).not.toHaveTextContent('银行金额 ¥0.00');
    const confirm = within(dialog).getByRole('button', { name: '确定' });
    expect(confirm).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(posted).toEqual([
        { path: '/api/reconciliation-signoffs', body: { month: '2026-02', bankId: 'ICBC' } },
      ]),
    );
  });
});

describe('bulk review of paid-status flags', () => {
  it('a selection holding a reviewed flag cannot be reviewed again: the button is disabled with the reason', async () => {
    const flag = (id: number, state: string) => ({
      id,
      type: 'sync_lag',
      decisionId: null,
      decisionNumber: `青公交决字〔2026〕0000${id}号`,
      regionCode: '63',
      detail: '',
      state,
      reviewNote: state === 'reviewed' ? '已核实' : null,
      createdAt: '2026-03-15T02:00:00.000Z',
    });
    server.use(
      http.get('/api/paid-status-flags', () =>
        listOf('paid-status-flags', [flag(1, 'open'), flag(2, 'reviewed')]),
      ),
      http.get('/api/paid-status-flags/counts', () => HttpResponse.json({})),
    );
    api.state.user = users.police;
    renderAt('/paid-status-flags');
    await screen.findByText('青公交决字〔2026〕00001号');
    // The first checkbox selects all; then one per row.
    const rows = screen.getAllByRole('checkbox').slice(1);
    fireEvent.click(rows[0]);
    expect(await screen.findByRole('button', { name: '标记已核查' })).toBeEnabled();
    fireEvent.click(rows[1]);
    await waitFor(() => expect(screen.getByRole('button', { name: '标记已核查' })).toBeDisabled());
    expect(screen.getByLabelText('所选标记中有 1 条已复核，请只选择待复核的标记')).toBeInTheDocument();
  });
});

describe('discrepancies 对账差异', () => {
  const finding = (id: number, type: string, locked: boolean) => ({
    id,
    runId: 1,
    bankId: 'ICBC',
    bankName: '中国工商银行青海省分行',
    businessDate: '2026-02-10',
    type,
    refKey: `ICBC-${id}`,
    platformFen: 20_000,
    bankFen: 25_000,
    owner: type === 'remitted_not_entered' ? 'treasury' : 'bank',
    state: 'open',
    note: null,
    locked,
  });

  it('the bank explains its own findings only, and nothing in a signed-off month; each refusal says why', async () => {
    server.use(
      http.get('/api/discrepancies', () =>
        listOf('discrepancies', [
          finding(1, 'amount_mismatch', false),
          finding(2, 'remitted_not_entered', false),
          finding(3, 'amount_mismatch', true),
        ]),
      ),
    );
    api.state.user = {
      ...users.police,
      id: 20,
      role: 'bank',
      bankId: 'ICBC',
    } as unknown as typeof users.police;
    renderAt('/discrepancies');
    await screen.findByText('ICBC-1');
    const explain = screen.getAllByRole('button', { name: '说明' });
    expect(explain.map((b) => (b as HTMLButtonElement).disabled)).toEqual([false, true, true]);
    expect(screen.getByLabelText('该差异由其他责任方说明')).toBeInTheDocument();
    expect(screen.getByLabelText('该月已三方签认锁定，须先由财政重新开放')).toBeInTheDocument();
    // Resolving is finance's step: the bank is not offered it at all.
    expect(screen.queryByRole('button', { name: '解决' })).not.toBeInTheDocument();
  });
});

describe('receipts 作废', () => {
  const receipt = (id: number, over: object) => ({
    id,
    typeCode: 'onsite_receipt',
    code: '',
    number: 1000 + id,
    checkCode: null,
    status: 'issued',
    unitId: 1,
    unitName: '城东大队',
    decisionNumber: null,
    payerName: null,
    amountFen: 20_000,
    issuedOn: '2026-03-10',
    writtenOffAt: null,
    voidReason: null,
    refundStatus: null,
    payerLink: null,
    history: { movements: [], batch: null },
    ...over,
  });
  const unit = { ...users.police, id: 30, role: 'unit', unitId: 1, regionCode: '630102' };

  it.each([
    ['an issued paper receipt may be voided', receipt(1, {}), 'enabled', null],
    ['a voided receipt offers no void', receipt(2, { status: 'void', voidReason: '写错' }), 'absent', null],
    [
      'a written-off stub says why not',
      receipt(3, { writtenOffAt: '2026-03-12T02:00:00.000Z' }),
      'disabled',
      '该票据存根已缴销，不能作废',
    ],
    [
      'an e-receipt says why not',
      receipt(4, { typeCode: 'e_receipt', code: '63010126' }),
      'disabled',
      '财政电子票据不作废，请办理退付',
    ],
  ])('%s', async (_, r, expected, reason) => {
    server.use(http.get('/api/receipts/:id', () => HttpResponse.json(r)));
    api.state.user = unit as unknown as typeof users.police;
    renderAt(`/receipts/${r.id}/show`);
    await screen.findByText(String(r.number));
    const button = screen.queryByRole('button', { name: '作废' });
    if (expected === 'absent') expect(button).not.toBeInTheDocument();
    else if (expected === 'enabled') expect(button).toBeEnabled();
    else expect(button).toBeDisabled();
    if (reason) expect(screen.getByLabelText(reason)).toBeInTheDocument();
  });
});

describe('bulk approval 批量批准', () => {
  it('restates how many refunds and how much in total before approving them', async () => {
    const rows = [
      { ...refund, id: 41, amountFen: 150_000 },
      { ...refund, id: 42, amountFen: 250_050 },
      { ...refund, id: 43, amountFen: 999_900 },
    ];
    server.use(
      http.get('/api/refunds', () => listOf('refunds', rows)),
      http.get('/api/units', () => listOf('units', [])),
      http.post('/api/refunds/bulk/approve', async ({ request }) => {
        const body = (await request.json()) as { ids: number[] };
        record(new URL(request.url).pathname, body);
        return HttpResponse.json({ results: body.ids.map((id) => ({ id, ok: true, status: 'approved' })) });
      }),
    );
    renderAt('/refunds');
    await screen.findAllByText(refund.decisionNumber);
    const boxes = screen.getAllByRole('checkbox').filter((b) => b.closest('tbody'));
    fireEvent.click(boxes[0]);
    fireEvent.click(boxes[1]);
    fireEvent.click(await screen.findByRole('button', { name: '批量批准' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('step-confirmation')).toHaveTextContent(
      '批准所选 2 笔退付申请，合计 ¥4,000.50。',
    );
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(posted).toEqual([{ path: '/api/refunds/bulk/approve', body: { ids: [41, 42] } }]),
    );
  });
});
