import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, Notification } from 'react-admin';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '../../../mocks/fixtures';
import { i18nProvider } from '../i18n';
import { SecretDialog } from '../institution-keys/SecretDialog';
import { renderAt, setupMockApi } from '../test/renderApp';

const { api, server } = setupMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  api.state.user = users.finance;
  api.state.menuCounts = {};
});

describe('menu with what waits for me', () => {
  it('shows the count next to the entry and asks again after a navigation', async () => {
    renderAt('/');
    await screen.findByRole('menuitem', { name: /^退付$/ });
    api.state.menuCounts = { refunds: 5 };
    fireEvent.click(screen.getByRole('menuitem', { name: /^入库反馈$/ }));
    expect(await screen.findByRole('menuitem', { name: /^退付\s*5$/ })).toBeInTheDocument();
  });
});

describe('login page', () => {
  it('names the product and says nothing about expiry on a fresh visit', async () => {
    api.state.user = null;
    renderAt('/login');
    expect(await screen.findByRole('heading', { name: '罚没收入监管平台' })).toBeInTheDocument();
    expect(screen.queryByTestId('session-expired')).toBeNull();
  });
});

describe('new API secret', () => {
  it('has a copy button that puts exactly the secret on the clipboard', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <SecretDialog keyId="K-ICBC-1" secret="s3cr3t-value" onClose={() => undefined} />
        <Notification />
      </AdminContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: '复制密钥' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('s3cr3t-value'));
    expect(await screen.findByText('密钥已复制到剪贴板')).toBeInTheDocument();
  });
});
