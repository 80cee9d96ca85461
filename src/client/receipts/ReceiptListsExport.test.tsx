import { fireEvent, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const row = {
  id: 7,
  unitId: 1,
  unitName: '城东大队',
  regionCode: '630102',
  typeCode: 'payment_form',
  count: 50,
  status: 'requested',
  requestedAt: '2026-03-10T02:00:00.000Z',
  startNo: 1,
  endNo: 50,
  code: '',
  number: 1,
  amountFen: 20_000,
  issuedOn: '2026-03-10',
  holderName: '城东大队',
  type: 'low_stock',
  bankId: 'ICBC',
  bankName: '工商银行',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  text: '按时缴库',
};

// A filtered table list, the computed findings view and the notes (one full app render each, kept few).
// Each list: its path (with a filter where it has one) and the filter and sort the export must carry.
const CASES = [
  {
    resource: 'receipt-requests',
    path: '/receipt-requests?filter=%7B%22status%22%3A%22requested%22%7D',
    filter: { status: 'requested' },
    sort: ['id', 'DESC'],
  },
  { resource: 'receipt-findings', path: '/receipt-findings', filter: {}, sort: ['id', 'ASC'] },
  { resource: 'supervision-notes', path: '/supervision-notes', filter: {}, sort: ['periodStart', 'DESC'] },
];

describe('receipt lists and supervision notes: 导出 goes to the server', () => {
  it.each(CASES)('$resource', async ({ resource, path, filter, sort }) => {
    api.state.user = users.finance;
    server.use(
      http.get(`/api/${resource}`, () =>
        HttpResponse.json([row], { headers: { 'Content-Range': `${resource} 0-0/1` } }),
      ),
    );
    renderAt(path);
    fireEvent.click(await screen.findByRole('button', { name: '导出' }, { timeout: 5000 }));
    const csv = await screen.findByRole('menuitem', { name: 'CSV 文件（1 条）' });
    const url = new URL(csv.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe(`/api/${resource}/export.csv`);
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual(filter);
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(sort);
    expect(screen.getByRole('menuitem', { name: 'Excel 表格（1 条）' })).toHaveAttribute(
      'href',
      expect.stringContaining(`/api/${resource}/export.xlsx?`),
    );
  });
});
