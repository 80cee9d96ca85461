import { expect, test } from '@playwright/test';
import { login, loginAndWait } from './helpers';

// Separation of duties (issue 16): the admin hands out a one-time code, never a password; the user
// signs in with it, is told who reset the password, and chooses the new one.
test('admin resets a password with a one-time code; the user sets a new one', async ({
  browser,
  request,
}) => {
  const adminLogin = await request.post('/api/auth/login', {
    data: { username: 'admin', password: 'Demo@2026' },
  });
  const { csrfToken } = await adminLogin.json();
  const created = await request.post('/api/users', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      username: 'e2e_reset',
      displayName: '重置测试',
      role: 'finance',
      regionCode: '63',
      password: 'Old12345',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  const adminPage = await (await browser.newContext()).newPage();
  await loginAndWait(adminPage, 'admin');
  await adminPage.goto(`/#/users/${id}`);
  await expect(adminPage.getByRole('textbox', { name: '密码' })).toHaveCount(0);
  await adminPage.getByRole('button', { name: '重置密码' }).click();
  await adminPage.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  const code = (await adminPage.getByTestId('reset-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
  await adminPage.getByRole('button', { name: '我已记下' }).click();
  await expect(adminPage.getByTestId('reset-pending')).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await login(page, 'e2e_reset', 'Old12345');
  await expect(page.getByText('用户名或密码错误，或账户已被锁定')).toBeVisible();
  await login(page, 'e2e_reset', code);
  await expect(page.getByTestId('reset-notice')).toContainText('管理员 系统管理员 于');
  await expect(page.getByTestId('reset-notice')).toContainText('重置了您的密码');
  await page.getByRole('textbox', { name: /^新密码/ }).fill('New12345');
  await page.getByRole('textbox', { name: /^再次输入新密码/ }).fill('New12345');
  await page.getByRole('button', { name: '设置并登录' }).click();
  await expect(page.getByText('您好，')).toBeVisible();
});
