import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const auditor = { ...users.police, id: 9, username: 'auditor', displayName: '审计 李娜', role: 'auditor' };
const DECISION = {
  id: 7,
  decisionNumber: '青公交决字〔2026〕007号',
  unitId: 1,
  unitName: '城东大队',
  regionCode: '630102',
  projectCode: '00200430900',
  fineFen: 20_000,
  servedOn: '2026-03-01',
  partyName: '叶*梅',
  idNumber: '110105********002X',
  licenceNumber: '110105********002X',
  plate: '青A***45',
  suspensions: [],
  paymentStatus: 'paid',
  paidAt: '2026-03-02T02:00:00.000Z',
  version: 1,
  updatedAt: '2026-03-02T02:00:00.000Z',
};
const ranged = (resource: string, rows: unknown[]) =>
  HttpResponse.json(rows, {
    headers: {
      'Content-Range': `${resource} 0-${Math.max(rows.length - 1, 0)}/${rows.length}`,
      'Access-Control-Expose-Headers': 'Content-Range',
    },
  });
let filters: Record<string, unknown>[] = [];

beforeEach(() => {
  filters = [];
  server.use(
    http.get('/api/decisions', ({ request }) => {
      filters.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}'));
      return ranged('decisions', [DECISION]);
    }),
    http.get('/api/decisions/7', () =>
      HttpResponse.json({
        ...DECISION,
        events: [],
        collections: [],
        flags: [],
        receipts: [
          {
            id: 31,
            typeCode: 'e_receipt',
            code: '63010125',
            number: 123,
            checkCode: '8G32G9',
            status: 'issued',
            issuedOn: '2026-03-02',
            amountFen: 20_000,
            payerLink: '/r/0ff813360aba42d28b43cb56b5861ca7',
          },
        ],
      }),
    ),
  );
});

describe('decisions by plate, ID number and name (police, auditor)', () => {
  it('police add the plate filter through 添加筛选条件; only a complete plate is sent', async () => {
    api.state.user = users.police;
    renderAt('/decisions');
    fireEvent.click(await screen.findByRole('button', { name: '添加筛选条件' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('身份证号（完整号码）')).toBeInTheDocument();
    expect(within(menu).getByText('当事人（全名）')).toBeInTheDocument();
    fireEvent.click(within(menu).getByText('号牌（完整号码）'));
    const input = await screen.findByRole('textbox', { name: '号牌（完整号码）' });
    fireEvent.change(input, { target: { value: '青a123' } });
    await new Promise((r) => setTimeout(r, 1200));
    expect(filters.some((f) => 'plate' in f)).toBe(false);
    fireEvent.change(input, { target: { value: '青a12345' } });
    await waitFor(() => expect(filters).toContainEqual(expect.objectContaining({ plate: '青A12345' })), {
      timeout: 4000,
    });
    expect(input).toHaveValue('青a12345');
  });

  it('finance has no personal-data filters', async () => {
    api.state.user = users.finance;
    renderAt('/decisions');
    expect(await screen.findByText('青公交决字〔2026〕007号')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '添加筛选条件' })).not.toBeInTheDocument();
  });

  it('a decision shows its e-receipt number, a link to it and to the payer page', async () => {
    api.state.user = auditor as unknown as typeof api.state.user;
    renderAt('/decisions/7/show');
    const receipt = await screen.findByTestId('decision-receipt-31');
    expect(within(receipt).getByText('财政电子票据')).toBeInTheDocument();
    expect(within(receipt).getByRole('link', { name: '63010125-0000000123' })).toHaveAttribute(
      'href',
      '#/receipts/31/show',
    );
    expect(within(receipt).getByRole('link', { name: /打开交款人票据页面/ })).toHaveAttribute(
      'href',
      '/r/0ff813360aba42d28b43cb56b5861ca7',
    );
  });
});

describe('filters reached through 添加筛选条件', () => {
  it('refunds: unit, amount range and application dates', async () => {
    api.state.user = users.finance;
    server.use(
      http.get('/api/refunds', () => ranged('refunds', [])),
      http.get('/api/units', () => ranged('units', [])),
    );
    renderAt('/refunds');
    fireEvent.click(await screen.findByRole('button', { name: '添加筛选条件' }));
    const menu = await screen.findByRole('menu');
    for (const label of [
      '执罚单位',
      '金额不低于（元）',
      '金额不高于（元）',
      '申请日期不早于',
      '申请日期不晚于',
    ])
      expect(within(menu).getByText(label)).toBeInTheDocument();
  });

  it('audit log: actions and resources offered in Chinese, dates and resource added on demand', async () => {
    api.state.user = auditor as unknown as typeof api.state.user;
    let lastFilter: Record<string, unknown> = {};
    server.use(
      http.get('/api/audit-events', ({ request }) => {
        lastFilter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
        return ranged('audit-events', []);
      }),
      http.get('/api/audit-events/codes', () =>
        HttpResponse.json({ actions: ['login', 'reveal', 'search'], resources: ['auth', 'decisions'] }),
      ),
    );
    renderAt('/audit-events');
    // The choices arrive with the codes; until then the select is a placeholder.
    // The choices arrive with the codes and the list may re-render meanwhile: reopen until they are there.
    await waitFor(() => {
      if (!screen.queryByRole('listbox')) fireEvent.mouseDown(screen.getByRole('combobox', { name: '操作' }));
      expect(screen.getByRole('option', { name: '按个人信息查询' })).toBeInTheDocument();
      expect(screen.queryByRole('option', { name: 'search' })).not.toBeInTheDocument();
      fireEvent.click(screen.getByRole('option', { name: '查看个人信息' }));
    });
    await waitFor(() => expect(lastFilter).toEqual({ action: 'reveal' }));

    fireEvent.click(screen.getByRole('button', { name: '添加筛选条件' }));
    const menu = await screen.findByRole('menu');
    for (const label of ['对象', '起始日期', '截止日期'])
      expect(within(menu).getByText(label)).toBeInTheDocument();
  });

  it('receipts: by number and by decision number', async () => {
    api.state.user = users.finance;
    let lastFilter: Record<string, unknown> = {};
    server.use(
      http.get('/api/receipts', ({ request }) => {
        lastFilter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
        return ranged('receipts', [
          {
            id: 31,
            typeCode: 'e_receipt',
            code: '63010125',
            number: 123,
            status: 'issued',
            issuedOn: '2026-03-02',
            unitName: '城东大队',
            decisionNumber: DECISION.decisionNumber,
            payerName: '叶*梅',
            amountFen: 20_000,
            writtenOff: true,
          },
        ]);
      }),
    );
    renderAt('/receipts');
    expect(await screen.findByText('0000000123')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: '添加筛选条件' }));
    // The sidebar and the column picker (显示列, mounted hidden) are menus too, and the picker names the
    // columns: take the one the filter button opened, the only one offering the date filters.
    const menu = await waitFor(() => {
      const m = screen
        .getAllByRole('menu', { hidden: true })
        .find((x) => x.textContent?.includes('开票日期起'));
      if (!m) throw new Error('filter menu not open');
      return m;
    });
    expect(within(menu).getByText('票号')).toBeInTheDocument();
    fireEvent.click(within(menu).getByText('决定书编号'));
    fireEvent.change(await screen.findByRole('textbox', { name: '决定书编号' }), {
      target: { value: '青公交决字〔2026〕007号' },
    });
    await waitFor(() => expect(lastFilter).toEqual({ decisionNumber: '青公交决字〔2026〕007号' }), {
      timeout: 4000,
    });
  });
});

describe('refund reviewers reach the decision and its receipt in one click', () => {
  it('the 决定书与金额 tab links the decision and its receipts', async () => {
    api.state.user = users.police;
    let receiptFilter: Record<string, unknown> = {};
    server.use(
      http.get('/api/refunds/5', () =>
        HttpResponse.json({
          id: 5,
          status: 'submitted',
          reason: 'overpaid',
          amountFen: 5_000,
          decisionId: 7,
          decisionNumber: DECISION.decisionNumber,
          unitName: '城东大队',
          events: [],
          approvals: [],
          attachments: [],
          vouchers: [],
          decision: { id: 7, decisionNumber: DECISION.decisionNumber, fineFen: 20_000, partyName: '叶*梅' },
          balance: { paidFen: 20_000, refundableFen: 15_000, earlier: [] },
          version: 1,
        }),
      ),
      http.get('/api/receipts', ({ request }) => {
        receiptFilter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
        return ranged('receipts', [{ id: 31, typeCode: 'e_receipt', code: '63010125', number: 123 }]);
      }),
    );
    renderAt('/refunds/5/show/decision');
    expect(await screen.findByRole('link', { name: `决定书 ${DECISION.decisionNumber}` })).toHaveAttribute(
      'href',
      '#/decisions/7/show',
    );
    expect(await screen.findByRole('link', { name: '财政电子票据 63010125-0000000123' })).toHaveAttribute(
      'href',
      '#/receipts/31/show',
    );
    expect(receiptFilter).toEqual({ decisionId: 7 });
  });
});
