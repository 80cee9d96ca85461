import { fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const treasuryOfficer = {
  ...users.finance,
  id: 6,
  username: 'treasury',
  displayName: '人民银行国库 陈静',
  role: 'treasury',
};
const FILE =
  'treasuryCode,entryDate,amount,budgetSubjectCode,budgetLevel,transferReference\nGK63,2026-03-13,1,234.50,103050101101,省级,ICBC-1';
let sent: { dryRun: boolean; content: string }[] = [];

beforeEach(() => {
  // The mock API's user type lists its fixtures; a treasury officer is the same shape.
  api.state.user = treasuryOfficer as unknown as typeof api.state.user;
  sent = [];
});

async function typeFileAndPreview() {
  renderAt('/treasury-entries/import');
  fireEvent.change(await screen.findByRole('textbox', { name: '文件内容' }), { target: { value: FILE } });
  fireEvent.click(screen.getByRole('button', { name: '预览' }));
}

describe('treasury entry file import 国库入库文件', () => {
  it('previews the total in yuan, then imports the same content', async () => {
    server.use(
      http.post('/api/treasury-entries/import', async ({ request }) => {
        const body = (await request.json()) as { dryRun: boolean; content: string };
        sent.push(body);
        return HttpResponse.json({ dryRun: body.dryRun, rows: 1, totalFen: 123_450 });
      }),
    );
    await typeFileAndPreview();
    expect(await screen.findByText('1 笔入库校验通过，金额合计 ¥1,234.50，可以导入')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(
      await screen.findByText('已导入 1 笔入库，金额合计 ¥1,234.50，入库反馈已更新'),
    ).toBeInTheDocument();
    expect(sent.map((s) => s.dryRun)).toEqual([true, false]);
    expect(sent[1].content).toBe(FILE);
  });

  it('lists every rejected row with its line and field, and offers no import', async () => {
    server.use(
      http.post('/api/treasury-entries/import', () =>
        HttpResponse.json(
          {
            code: 'import_rejected',
            message: '1 problem(s)',
            rowErrors: [
              {
                row: 1,
                field: 'transferReference',
                code: 'unknown_transfer_reference',
                params: { value: 'ICBC-1' },
                message: 'No bank transfer has the reference ICBC-1',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    await typeFileAndPreview();
    const table = await screen.findByRole('table', { name: '错误明细' });
    // The column by its name and the problem in Chinese, not the server's English.
    expect(within(table).getByText('划款凭证号')).toBeInTheDocument();
    expect(within(table).getByText('没有凭证号为 ICBC-1 的银行划款')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入' })).toBeDisabled();
  });
});
