/*
 * The auditor's journey (JOURNEYS.md § Auditor), step by step:
 *   1. Reads everything ........................ here › 'the auditor reads every ledger, …' (01–02)
 *   2. Searches the audit log .................. here › same test (03); the search-by-PII entry:
 *                                                finding.spec.ts › police find a decision by its full plate; …
 *   3. Verifies the chain ...................... here › same test (04)
 *   4. Reveals PII with a reason ............... here › same test (05–06); police's reveal:
 *                                                paid-status.spec.ts › revealing personal data asks for a reason and is audited
 * Everyone who works with lists — exports to CSV/Excel and the 月报表: not built yet (issue 15/17).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers';

const shot = (page: Page, n: string) => page.screenshot({ path: `test-results/journeys/auditor-${n}.png` });

test('the auditor reads every ledger, searches the audit log, verifies the chain and reveals PII with a reason', async ({
  openAs,
}) => {
  const page = await openAs('auditor');
  await expect(page.getByText('今日审计事件')).toBeVisible();
  await shot(page, '01-dashboard');

  // 1. Reads everything — and changes nothing: no 新建 on any ledger.
  for (const [resource, column] of [
    ['refunds', '决定书编号'],
    ['supervision-notes', '代理银行'],
    ['treasury-entries', '划款凭证号'],
  ] as const) {
    await page.goto(`/#/${resource}`);
    await expect(page.getByRole('columnheader', { name: column }).first()).toBeVisible();
    await expect(page.locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
  }
  await shot(page, '02-reads-treasury-entries');

  // 4. Reveals PII: masked until a reason is given; the reason goes to the audit log.
  await page.goto('/#/decisions');
  await page.locator('tbody tr').first().click();
  await expect(page.getByText(/^\d{6}\*{8}[\dX]{4}$/).first()).toBeVisible();
  await page.getByRole('button', { name: '查看完整个人信息' }).click();
  await expect(page.getByRole('button', { name: '确定' })).toBeDisabled();
  await page.getByRole('textbox', { name: '查看原因（将记入审计日志）' }).fill('审计抽查：核对当事人身份');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('revealed')).toContainText(/\d{17}[\dX]/);
  await shot(page, '05-reveal');
  await page.getByRole('button', { name: '关闭' }).click();

  // 2. Searches the audit log: by user and action (in Chinese), then by date through 添加筛选条件.
  await page.goto('/#/audit-events');
  await page.getByRole('textbox', { name: '用户' }).fill('auditor');
  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '查看个人信息' }).click();
  await page.getByRole('button', { name: '添加筛选条件' }).click();
  await page.getByRole('menuitemcheckbox', { name: '起始日期' }).click();
  await page.getByLabel('起始日期').fill('2026-03-16');
  const rows = page.locator('tbody tr');
  await expect(rows.filter({ hasNotText: '查看个人信息' })).toHaveCount(0);
  await expect(rows.filter({ hasNotText: 'auditor' })).toHaveCount(0);
  // Newest first: the reveal just made.
  await expect(rows.first()).toContainText('查看个人信息');
  await expect(rows.first()).toContainText('处罚决定书');
  await shot(page, '03-audit-search');
  await rows.first().click();
  await expect(page.getByText('审计抽查：核对当事人身份')).toBeVisible();
  await expect(page.getByText('审计监督', { exact: true })).toBeVisible();
  await shot(page, '06-reveal-audited');

  // 3. Verifies the chain: the whole log, intact.
  await page.goto('/#/audit-events');
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/^审计链完整：已校验 \d+ 条事件$/)).toBeVisible();
  await shot(page, '04-chain-verified');
});
