import { chromium } from '@playwright/test';
const [,, base, user, path, out] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
await page.goto(base + '/#/login');
await page.getByRole('textbox', { name: '用户名' }).fill(user);
await page.getByRole('textbox', { name: '密码' }).fill('Demo@2026');
await page.getByRole('button', { name: '登录' }).click();
await page.waitForTimeout(1500);
if (path) { await page.goto(base + '/#' + path); await page.waitForTimeout(2000); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
