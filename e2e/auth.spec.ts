import { expect, test } from '@playwright/test';
import { login, loginAndWait } from './helpers';

test('10 wrong passwords lock a throwaway account', async ({ page, request }) => {
  const adminLogin = await request.post('/api/auth/login', {
    data: { username: 'admin', password: 'Demo@2026' },
  });
  const { csrfToken } = await adminLogin.json();
  const created = await request.post('/api/users', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      username: 'e2e_lock',
      displayName: '临时账户',
      role: 'police',
      regionCode: '63',
      password: 'Right1234',
    },
  });
  expect(created.status()).toBe(201);

  for (let i = 0; i < 10; i++) {
    await login(page, 'e2e_lock', `wrong-${i}-pass`);
    await expect(page.getByText('用户名或密码错误，或账户已被锁定')).toBeVisible();
  }
  await login(page, 'e2e_lock', 'Right1234');
  await expect(page.getByText('用户名或密码错误，或账户已被锁定')).toBeVisible();
  await expect(page.getByText('您好，')).toHaveCount(0);
});

test('the language switch turns the UI into English and back', async ({ page }) => {
  await loginAndWait(page, 'finance');
  await expect(page.getByRole('menuitem', { name: '代理银行协议' })).toBeVisible();
  await page
    .getByRole('button', { name: /语言|Language|中文/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('menuitem', { name: 'Agent-bank agreements' })).toBeVisible();
  await expect(page.getByText('Welcome,')).toBeVisible();
  await page
    .getByRole('button', { name: /Language|English/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await expect(page.getByRole('menuitem', { name: '代理银行协议' })).toBeVisible();
});

test('each role sees a role-correct Chinese dashboard', async ({ page }) => {
  await loginAndWait(page, 'admin');
  await expect(page.getByText('用户总数')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '代理银行协议' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '用户' })).toBeVisible();
});
