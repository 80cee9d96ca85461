import type { Page } from '@playwright/test';
import { expect, loginAndWait, PASSWORD, test } from './helpers';

const FINANCE = '财政厅 王敏';
const POLICE = '交警总队 张伟';

/** Counts, from now on, every moment the page shows `text` — also a flash between two renders. */
async function watchFor(page: Page, text: string) {
  await page.evaluate((t) => {
    const w = window as unknown as { __seen: number };
    // innerText, not textContent: what is rendered on screen, not what hides in the DOM.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
    const shown = () => document.body.innerText.includes(t);
    w.__seen = shown() ? 1 : 0;
    new MutationObserver(() => {
      if (shown()) w.__seen += 1;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  return () => page.evaluate(() => (window as unknown as { __seen: number }).__seen);
}

test('switching users in one tab never shows the previous user, not even for a moment', async ({ page }) => {
  await loginAndWait(page, 'finance');
  await expect(page.getByText(`您好，${FINANCE}`)).toBeVisible();

  await page.getByRole('button', { name: '个人中心' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByText(FINANCE)).toHaveCount(0);

  // The same tab, no reload: police signs in where finance just left.
  const seen = await watchFor(page, FINANCE);
  await page.getByRole('textbox', { name: '用户名' }).fill('police');
  await page.getByRole('textbox', { name: '密码' }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(`您好，${POLICE}`)).toBeVisible();
  await expect(page.getByRole('button', { name: '个人中心' })).toContainText(POLICE);
  await expect(page.getByText(FINANCE)).toHaveCount(0);
  expect(await seen()).toBe(0);
});

test('an expired session returns to the login page, which says so', async ({ openAs }) => {
  const page = await openAs('finance');
  await expect(page.getByText(`您好，${FINANCE}`)).toBeVisible();
  // The server forgets the session (as after its idle timeout): the browser no longer sends the cookie.
  await page.context().clearCookies();
  await page.goto('/#/refunds');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByTestId('session-expired')).toHaveText('登录已过期，请重新登录。');
  await expect(page.getByText(FINANCE)).toHaveCount(0);
});
