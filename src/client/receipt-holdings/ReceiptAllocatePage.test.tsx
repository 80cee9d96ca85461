import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const units = [
  { id: 1, name: '城东大队', regionCode: '630102' },
  { id: 2, name: '城中大队', regionCode: '630103' },
];
let sent: unknown[] = [];
beforeEach(() => {
  api.state.user = users.finance;
  sent = [];
  server.use(
    http.get('/api/units', () =>
      HttpResponse.json(units, {
        headers: { 'Content-Range': 'units 0-1/2', 'Access-Control-Expose-Headers': 'Content-Range' },
      }),
    ),
  );
});

async function walkTo(unit: string) {
  renderAt('/receipt-holdings/allocate');
  // 下一步 stays disabled until the regions have loaded (the source must exist); clicking it
  // earlier does nothing, so wait for it to be enabled rather than merely rendered.
  const next = await screen.findByRole('button', { name: '下一步' }, { timeout: 10_000 });
  await waitFor(() => expect(next).toBeEnabled(), { timeout: 10_000 });
  fireEvent.click(next);
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: '接收方' }, { timeout: 10_000 }));
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(new RegExp(unit)));
  fireEvent.change(screen.getByRole('textbox', { name: '数量（份）' }), { target: { value: '150' } });
  fireEvent.click(screen.getByRole('button', { name: '下一步' }));
  expect(
    await screen.findByText(
      /将 150 份专用缴款书从「青海省 财政」发放至「城东大队|将 150 份专用缴款书从「青海省 财政」发放至「城中大队/,
    ),
  ).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '确认发放' }));
  // 发放 is irreversible: a dialog restates count, type, source and recipient before it is sent.
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByTestId('step-confirmation')).toHaveTextContent(
    new RegExp(`将 150 份专用缴款书从「青海省 财政」发放至「${unit}`),
  );
  expect(sent).toEqual([]);
  fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
}

describe('allocation wizard 发放', () => {
  it('sends type, source, recipient and count, and shows the ranges moved', async () => {
    server.use(
      http.post('/api/receipt-holdings/allocate', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(
          { kind: 'allocate', count: 150, hops: 3, ranges: [{ startNo: 107001, endNo: 107150 }] },
          { status: 201 },
        );
      }),
    );
    await walkTo('城东大队');
    expect(await screen.findByText('已发放 150 份：107001–107150')).toBeInTheDocument();
    expect(sent).toEqual([
      { typeCode: 'payment_form', from: { regionCode: '63' }, to: { unitId: 1 }, count: 150 },
    ]);
  });

  it('spells out the 验旧换新 refusal with the stubs to write off first', async () => {
    server.use(
      http.post('/api/receipt-holdings/allocate', () =>
        HttpResponse.json(
          {
            code: 'unchecked_stubs',
            message: 'x',
            numbers: [101001, 101002, 101003, 101007],
            before: '2025-12-16',
          },
          { status: 422 },
        ),
      ),
    );
    await walkTo('城中大队');
    expect(
      await screen.findByText(
        '验旧换新：该单位有 4 份 2025-12-16 前使用的票据存根尚未核验缴销（101001–101003, 101007），缴销后方可领用新票。',
      ),
    ).toBeInTheDocument();
  });
});
