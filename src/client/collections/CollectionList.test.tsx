import { fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rows = [
  {
    id: 11,
    bankId: 'ICBC',
    bankName: '工商银行青海省分行',
    bankTxnId: 'ICBC20260310000123',
    decisionNumber: '青公交决字〔2026〕000070号',
    decisionId: 70,
    amountFen: 20_000,
    expectedFen: 20_000,
    channel: 'mobile_banking',
    collectedAt: '2026-03-10T02:05:00.000Z',
    businessDate: '2026-03-10',
    matched: true,
    openFlags: 0,
  },
  {
    id: 12,
    bankId: 'ICBC',
    bankName: '工商银行青海省分行',
    bankTxnId: 'ICBC20260310000124',
    decisionNumber: '青公交决字〔2026〕999999号',
    decisionId: null,
    amountFen: 5_000,
    expectedFen: null,
    channel: 'counter',
    collectedAt: '2026-03-10T17:30:00.000Z',
    businessDate: '2026-03-11',
    matched: false,
    openFlags: 1,
  },
];
const serve = () =>
  server.use(
    http.get('/api/collections', () =>
      HttpResponse.json(rows, { headers: { 'Content-Range': 'collections 0-1/2' } }),
    ),
  );
const bankUser = {
  ...users.finance,
  id: 30,
  username: 'bank_icbc',
  role: 'bank',
  bankId: 'ICBC',
  displayName: '工商银行 孙丽',
};

describe('collections list 代收明细', () => {
  it('finance sees the bank, the decision as a link, yuan, Shanghai time and the match state', async () => {
    api.state.user = users.finance;
    serve();
    renderAt('/collections');
    const first = (await screen.findByText('ICBC20260310000123', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(first).getByText('工商银行青海省分行')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: '青公交决字〔2026〕000070号' })).toHaveAttribute(
      'href',
      '#/decisions/70/show',
    );
    expect(within(first).getByText('¥200.00')).toBeInTheDocument();
    expect(within(first).getByText('手机银行')).toBeInTheDocument();
    expect(within(first).getByText(/2026\/3\/10 10:05/)).toBeInTheDocument();
    expect(within(first).getByText('已匹配')).toBeInTheDocument();
    const orphan = screen.getByText('ICBC20260310000124').closest('tr')!;
    // Collected after 01:30 Shanghai the next day: the time is shown as the payer saw it.
    expect(within(orphan).getByText(/2026\/3\/11 01:30/)).toBeInTheDocument();
    expect(within(orphan).getByText('未匹配决定书')).toBeInTheDocument();
    expect(within(orphan).getByText('1 条待核查标记')).toBeInTheDocument();
    expect(within(orphan).queryByRole('link')).toBeNull();
    expect(screen.getByRole('columnheader', { name: '代理银行' })).toBeInTheDocument();
  });

  it('a bank sees no bank column and no link into decisions it may not open', async () => {
    api.state.user = bankUser as unknown as typeof users.finance;
    serve();
    renderAt('/collections');
    const first = (await screen.findByText('ICBC20260310000123', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(first).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: '代理银行' })).toBeNull();
  });

  it('导出 offers the server’s Excel and CSV of exactly the current filter and sort', async () => {
    api.state.user = users.finance;
    serve();
    renderAt('/collections?filter=%7B%22matched%22%3Afalse%7D');
    fireEvent.click(await screen.findByRole('button', { name: '导出' }, { timeout: 5000 }));
    const excel = await screen.findByRole('menuitem', { name: 'Excel 表格（2 条）' });
    const url = new URL(excel.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe('/api/collections/export.xlsx');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ matched: false });
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['collectedAt', 'DESC']);
    expect(url.searchParams.get('locale')).toBe('zh-CN');
    expect(screen.getByRole('menuitem', { name: 'CSV 文件（2 条）' })).toHaveAttribute(
      'href',
      expect.stringContaining('/api/collections/export.csv?'),
    );
  });
});
