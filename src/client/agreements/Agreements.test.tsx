import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agreementFixtures, users } from '../../../mocks/fixtures';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  api.state.user = users.finance;
  api.state.agreements = agreementFixtures();
  api.state.requests = [];
  api.state.failNext = null;
});

describe('agreement list', () => {
  it('shows the rows with Chinese status labels and the overdue-filing flag', async () => {
    renderAt('/agreements');
    expect(await screen.findByText('QCK-2026-ICBC-001')).toBeInTheDocument();
    expect(screen.getByText('QCK-2026-ABC-002')).toBeInTheDocument();
    expect(screen.getAllByText('生效').length).toBeGreaterThan(0);
    expect(screen.getByText('逾期未备案 (2026-02-16)')).toBeInTheDocument();
  });
});

describe('agreement show page', () => {
  it('offers finance the actions allowed in the current state, and activating posts to the action endpoint', async () => {
    renderAt('/agreements/2/show');
    const activate = await screen.findByRole('button', { name: '生效' });
    expect(screen.queryByRole('button', { name: '暂停' })).not.toBeInTheDocument();
    fireEvent.click(activate);
    // 生效 is not one blind click: the dialog names the agreement, the bank and the region first.
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('step-confirmation')).toHaveTextContent(
      '使协议 QCK-2026-ABC-002（中国农业银行青海省分行，青海省）生效。',
    );
    expect(api.state.requests).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await screen.findByText('协议已生效')).toBeInTheDocument();
    expect(api.state.requests).toContainEqual({
      method: 'POST',
      path: '/api/agreements/2/activate',
      body: {},
    });
    expect(await screen.findByRole('button', { name: '暂停' })).toBeInTheDocument();
  });

  it('asks for a reason before suspending, and sends it', async () => {
    renderAt('/agreements/1/show');
    fireEvent.click(await screen.findByRole('button', { name: '暂停' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '确定' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: '原因' }), {
      target: { value: '缴库不及时' },
    });
    fireEvent.click(confirm);
    expect(await screen.findByText('协议已暂停')).toBeInTheDocument();
    expect(api.state.requests).toContainEqual({
      method: 'POST',
      path: '/api/agreements/1/suspend',
      body: { reason: '缴库不及时' },
    });
  });

  it('shows a translated message when the server refuses (409)', async () => {
    api.state.failNext = { status: 409, code: 'stale_version' };
    renderAt('/agreements/2/show');
    fireEvent.click(await screen.findByRole('button', { name: '生效' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确定' }));
    expect(await screen.findByText('该记录已被他人修改，请刷新后重试')).toBeInTheDocument();
  });

  it('hides every action from police', async () => {
    api.state.user = users.police;
    renderAt('/agreements/2/show');
    expect(await screen.findByText('QCK-2026-ABC-002', { selector: 'span' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '生效' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '编辑' })).not.toBeInTheDocument();
  });
});

describe('agreement create form', () => {
  it('validates with the shared schema in Chinese and sends nothing while invalid', async () => {
    renderAt('/agreements/create');
    const number = await screen.findByRole('textbox', { name: '协议编号' });
    fireEvent.change(screen.getByRole('textbox', { name: '当日缴库截止时间' }), {
      target: { value: '25:00' },
    });
    fireEvent.change(number, { target: { value: 'QCK-T-1' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getAllByText('必填').length).toBeGreaterThan(0));
    // The shared schema's own code for the time, worded in Chinese.
    expect(screen.getByText('请输入时间 HH:mm（00:00–23:59）')).toBeInTheDocument();
    expect(api.state.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
