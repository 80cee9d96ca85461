import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { pendingReset } from '../providers/pendingReset';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const admin = { ...users.finance, id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' };
const record = (id: number, over: object = {}) => ({
  ...users.finance,
  id,
  username: id === 1 ? 'admin' : 'finance2',
  displayName: id === 1 ? '系统管理员' : '财政厅 李强',
  role: id === 1 ? 'admin' : 'finance',
  active: true,
  locked: false,
  resetPending: false,
  resetCodeExpiresAt: null,
  note: null,
  version: 1,
  ...over,
});

let resets: { path: string; csrf: string | null }[] = [];
beforeEach(() => {
  api.state.user = admin as unknown as typeof api.state.user;
  resets = [];
  server.use(
    http.get('/api/users/:id', ({ params }) => HttpResponse.json(record(Number(params.id)))),
    http.get('/api/units', () => HttpResponse.json([], { headers: { 'Content-Range': 'units 0-0/0' } })),
    http.post('/api/users/:id/reset-password', ({ request }) => {
      resets.push({ path: new URL(request.url).pathname, csrf: request.headers.get('x-csrf-token') });
      return HttpResponse.json({
        user: record(7, { resetPending: true, resetCodeExpiresAt: '2026-03-17T02:00:00.000Z' }),
        code: 'K7QM-3XPA-9HTD-WC2R',
        expiresAt: '2026-03-17T02:00:00.000Z',
      });
    }),
  );
});

describe('重置密码 on the user edit page', () => {
  it('shows the one-time code once, with a copy button, and never again after closing', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAt('/users/7');
    await screen.findByDisplayValue('财政厅 李强');
    // No password field on the edit form any more.
    expect(screen.queryByLabelText(/^密码/)).toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: '重置密码' }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/将为 财政厅 李强 生成一次性验证码/)).toBeInTheDocument();
    expect(resets).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));

    const code = await within(dialog).findByTestId('reset-code');
    expect(code).toHaveTextContent('K7QM-3XPA-9HTD-WC2R');
    expect(resets).toEqual([{ path: '/api/users/7/reset-password', csrf: 'test-token' }]);
    expect(within(dialog).getByText(/只显示这一次/)).toBeInTheDocument();
    expect(within(dialog).getByText('有效期至 2026-03-17 10:00')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: '复制' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('K7QM-3XPA-9HTD-WC2R'));
    expect(await screen.findByText('已复制')).toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('button', { name: '我已记下' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('K7QM-3XPA-9HTD-WC2R')).toBeNull();
    // Opening it again starts from the confirmation: the code is gone for good.
    fireEvent.click(screen.getByRole('button', { name: '重置密码' }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByTestId('reset-code')).toBeNull();
    expect(within(dialog).getByText(/将为 财政厅 李强 生成一次性验证码/)).toBeInTheDocument();
  });

  it('on the own record the role is disabled with the reason and no reset is offered', async () => {
    renderAt('/users/1');
    await screen.findByDisplayValue('系统管理员');
    expect(screen.getByText('不能修改自己的角色（职责分离）')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /角色/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('button', { name: '重置密码' })).toBeNull();
  });
});

describe('signing in with a one-time code', () => {
  it('tells who reset the password, then takes the new password and opens the app', async () => {
    api.state.user = null;
    pendingReset.set(null);
    let sent: { body: unknown; csrf: string | null } | null = null;
    server.use(
      http.post('/api/auth/login', () =>
        HttpResponse.json({
          mustSetPassword: true,
          csrfToken: 'code-token',
          notice: {
            code: 'password_reset_by_admin',
            params: { at: '2026-03-16T01:30:00.000Z', by: '系统管理员' },
          },
        }),
      ),
      http.post('/api/auth/set-password', async ({ request }) => {
        sent = { body: await request.json(), csrf: request.headers.get('x-csrf-token') };
        api.state.user = users.finance;
        return HttpResponse.json({ user: users.finance, csrfToken: 'test-token' });
      }),
    );
    renderAt('/login');
    fireEvent.change(await screen.findByRole('textbox', { name: /用户名/ }), {
      target: { value: 'finance' },
    });
    fireEvent.change(screen.getByLabelText(/^密码/), { target: { value: 'K7QM-3XPA-9HTD-WC2R' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByTestId('reset-notice')).toHaveTextContent(
      '管理员 系统管理员 于 2026-03-16 09:30 重置了您的密码',
    );
    fireEvent.change(screen.getByLabelText(/^新密码/), { target: { value: 'Mine12345' } });
    fireEvent.change(screen.getByLabelText(/^再次输入新密码/), { target: { value: 'Mine12346' } });
    fireEvent.click(screen.getByRole('button', { name: '设置并登录' }));
    expect(await screen.findByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(sent).toBeNull();

    fireEvent.change(screen.getByLabelText(/^再次输入新密码/), { target: { value: 'Mine12345' } });
    fireEvent.click(screen.getByRole('button', { name: '设置并登录' }));
    await waitFor(() => expect(sent).toEqual({ body: { newPassword: 'Mine12345' }, csrf: 'code-token' }));
    expect(await screen.findByText(/您好，/)).toBeInTheDocument();
    expect(pendingReset.get()).toBeNull();
  });
});
