import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'Demo@2026';

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/#/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function loginAndWait(page: Page, username: string) {
  await login(page, username);
  await expect(page.getByText('您好，')).toBeVisible();
}
