/*
 * The central-bank treasury's journeys (JOURNEYS.md § 人民银行国库), step by step:
 *   1. Timeliness
 *      - this month's late banks (preset 本月) ........ here › 'timeliness → …' (01)
 *      - yesterday's (昨日): the last working day — on a Monday the Friday before (02)
 *      - by how many working days, money held (元·天), 上月, drill-down pivot → obligations → collections
 *                                     remittances.spec.ts › treasury sees late and overdue remittances, …
 *   2. Record treasury entries: a typed-in entry, its 混库 flagged at once, finance sees the feedback
 *                                     remittances.spec.ts › treasury sees late and overdue remittances, …
 *      Importing the day's entry file: covered by src/server/remittances tests (API); no e2e yet.
 *   3. Supervise: a note against a bank and period; agreements and their filing
 *                                     here › 'timeliness → …' (03–05)
 *   4. Execute refunds
 *      - vouchers awaiting execution, mark executed ... refunds.spec.ts › unit applies → … → treasury executes → police sees it
 *      - mark failed with a reason, finance sees the reason ... here › 'timeliness → …' (06–08)
 * Everyone who works with lists — exports, 月报表, the monthly 对账表: not built yet (issue 15/17).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers';
import { refundAt, refundRow } from './journey-setup';

const shot = (page: Page, n: string) => page.screenshot({ path: `test-results/journeys/treasury-${n}.png` });

test('timeliness → a supervision note against a bank and period → agreements and their filing → a refund marked failed, finance sees why', async ({
  openAs,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await openAs('treasury', '/#/timeliness');
  const kpi = page.getByRole('table', { name: '各银行缴库及时性' });
  // APP_TODAY 2026-03-16 is a Monday: 昨日 is the last working day, Friday 03-13, not the empty Sunday.
  await page.getByRole('button', { name: '昨日' }).click();
  await expect(page.getByLabel('应缴库日起')).toHaveValue('2026-03-13');
  await expect(page.getByLabel('应缴库日止')).toHaveValue('2026-03-13');
  await shot(page, '02-timeliness-yesterday');
  await page.getByRole('button', { name: '本月' }).click();
  await expect(page.getByLabel('应缴库日起')).toHaveValue('2026-03-01');
  await expect(page.getByLabel('应缴库日止')).toHaveValue('2026-03-16');
  // Every bank with its on-time rate, worst delay in working days and the money held in 元·天.
  await expect(kpi.getByRole('row')).toHaveCount(5);
  await expect(kpi.getByRole('row', { name: /中国工商银行青海省分行/ })).toContainText('元·天');
  await shot(page, '01-timeliness-this-month');

  // 3. A supervision note against a bank, one of its agreements and a period.
  const text = `3月上半月缴库迟延 ${Date.now() % 100_000} 次，请于月底前说明原因。`;
  await page.goto('/#/supervision-notes');
  await page.getByRole('link', { name: '新建' }).click();
  await page.getByRole('combobox', { name: '代理银行' }).click();
  await page.getByRole('option', { name: '中国工商银行青海省分行' }).click();
  await page.getByRole('combobox', { name: '协议' }).click();
  const agreementNo = ((await page.getByRole('option').nth(1).textContent()) ?? '').trim();
  expect(agreementNo).toMatch(/ICBC/);
  await page.getByRole('option', { name: agreementNo }).click();
  await page.getByLabel('期间起').fill('2026-03-01');
  await page.getByLabel('期间止').fill('2026-03-15');
  await page.getByRole('textbox', { name: '意见内容' }).fill(text);
  await page.getByRole('button', { name: '保存' }).click();
  const note = page.getByRole('row', { name: new RegExp(text) });
  await expect(note).toContainText('中国工商银行青海省分行');
  await expect(note).toContainText('2026-03-01');
  await expect(note).toContainText('人民银行国库');
  await shot(page, '03-supervision-note');

  // Agreements and their filing: the list says which are filed or overdue, the agreement shows the note.
  await page.goto('/#/agreements');
  await expect(page.getByRole('columnheader', { name: '备案日期' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /逾期未备案/ }).first()).toBeVisible();
  await shot(page, '04-agreements-filing');
  await page.getByRole('row', { name: new RegExp(agreementNo) }).click();
  await page.getByRole('tab', { name: '备案' }).click();
  await expect(page.getByText('备案期限')).toBeVisible();
  await page.getByRole('tab', { name: '监管意见' }).click();
  await expect(page.getByRole('cell', { name: text })).toBeVisible();
  await shot(page, '05-agreement-notes');

  // 4. A voucher the treasury cannot pay: marked failed with a reason, and finance sees why.
  const refund = await refundAt(baseURL!, 'voucher_issued', {
    pick: 30,
    amountFen: 234,
    reason: 'duplicate',
  });
  const treasury = page;
  await treasury.goto('/#/refunds');
  await expect(treasury.getByLabel('待我办理')).toBeChecked();
  const row = refundRow(treasury, refund);
  await expect(row).toContainText('已开具退还书');
  await expect(row).toContainText('¥2.34');
  await shot(treasury, '06-refunds-to-execute');
  await row.click();
  await expect(treasury.getByText(/^退〔2026〕\d{6}号$/)).toBeVisible();
  await treasury.getByRole('button', { name: '退付失败' }).click();
  const dialog = treasury.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确定' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: '原因' }).fill('收款账户已冻结，国库退付被退回');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(treasury.getByText('已记录退付失败，退回财政')).toBeVisible();
  await shot(treasury, '07-failed');

  const finance = await openAs('finance', '/#/refunds');
  const back = refundRow(finance, refund);
  await expect(back).toContainText('退付失败');
  await back.click();
  await expect(finance.getByText('退付失败原因：收款账户已冻结，国库退付被退回')).toBeVisible();
  await expect(finance.getByRole('button', { name: '重开收入退还书' })).toBeVisible();
  await shot(finance, '08-finance-sees-failure');
});
