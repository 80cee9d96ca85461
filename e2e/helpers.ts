import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
  request,
} from '@playwright/test';
import { staffSession } from '../scripts/machine-client';

export const PASSWORD = 'Demo@2026';

/** The login form: under test in auth.spec.ts and session.spec.ts only; other specs use `openAs`. */
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

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

// Per worker: one API login per user, its session cookie reused by every context that user opens.
const cookies = new Map<string, Promise<StorageState>>();
const apis = new Map<string, ReturnType<typeof staffSession>>();

function sessionOf(baseURL: string, username: string): Promise<StorageState> {
  let state = cookies.get(username);
  if (!state) {
    state = (async () => {
      const api = await request.newContext({ baseURL });
      const res = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
      if (!res.ok()) throw new Error(`login as ${username}: ${res.status()} ${await res.text()}`);
      const signedIn = await api.storageState();
      await api.dispose();
      return signedIn;
    })();
    cookies.set(username, state);
    state.catch(() => cookies.delete(username));
  }
  return state;
}

/** The API as `username` (signed in once per worker), for setting up what a spec then walks in the UI. */
export function apiAs(baseURL: string, username: string) {
  let api = apis.get(username);
  if (!api) {
    api = staffSession(baseURL, username, PASSWORD);
    apis.set(username, api);
    api.catch(() => apis.delete(username));
  }
  return api;
}

export type OpenAs = (username: string, path?: string, options?: BrowserContextOptions) => Promise<Page>;

/**
 * `openAs(user, '/#/refunds')`: a page in a context of its own, already signed in as `user` (the
 * session cookie of one API login per worker), opened straight at `path` — no login form, no menu.
 */
export const test = base.extend<{ openAs: OpenAs }>({
  openAs: async ({ browser, baseURL }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (username, path = '/#/', options = {}) => {
      const context = await browser.newContext({
        ...options,
        storageState: await sessionOf(baseURL!, username),
      });
      opened.push(context);
      const page = await context.newPage();
      await page.goto(path);
      return page;
    });
    await Promise.all(opened.map((c) => c.close()));
  },
});

export { expect };
