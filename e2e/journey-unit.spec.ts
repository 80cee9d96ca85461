/**
 * Journeys of an enforcement unit 执罚单位 (`unit`, a traffic brigade; `unit_market`), JOURNEYS.md:
 *
 * - Files refund applications for its decisions: refunds.spec.ts › unit applies → police reviews → …
 *   and › a large market refund: unit_market applies → …; the refundable amount up front and field
 *   errors: refund-form.spec.ts › the unit sees what is refundable …; a returned application (已退回
 *   with the reason) edited and resubmitted: journey-police.spec.ts › police return a traffic unit's
 *   refund with a reason …
 * - Manages its receipt stock — issue and void: receipts.spec.ts › finance purchases and allocates to
 *   a unit; the unit issues and voids …; its balance: same test; write-off (缴销) of used stubs: this
 *   file › unit_market hands in used stubs for write-off
 * - Sees its decisions (and only its own data): this file › unit sees only its own decisions …
 * - Its dashboard (refunds in progress, stock requests): auth.spec.ts › each role sees a
 *   role-correct Chinese dashboard
 * - Sees its collections as a list; records on-site collections 当场收缴 and deposits them; prints the
 *   专用缴款书 and records its returned 第五联: not built yet (a later issue).
 */
import type { Page } from '@playwright/test';
import { apiAs, expect, test } from './helpers';

const CHENGDONG = '西宁市公安局交通警察支队城东大队';
const MARKET = '西宁市城中区市场监督管理局';
const shot = (page: Page, step: string) =>
  page.screenshot({ path: `test-results/journeys/unit-${step}.png` });

/** Once the list with `column` has rendered, every row's 执罚单位 is `unit`. */
async function onlyOf(page: Page, column: string, unit: string) {
  await expect(page.locator(`tbody td.column-${column}`).first()).toBeVisible();
  const cells = page.locator('tbody td.column-unitName');
  // A unit's own lists leave out the unit column (it would repeat its own name); scope is then
  // shown by the other unit's decision being 数据不存在 below.
  if ((await cells.count()) === 0) return;
  await expect(cells.first()).toHaveText(unit);
  await expect(cells.filter({ hasNotText: unit })).toHaveCount(0);
}

test("unit sees only its own decisions and refunds; another unit's decision is not found", async ({
  openAs,
  baseURL,
}) => {
  const market = await apiAs(baseURL!, 'unit_market');
  const [other] = (await market.call('GET', '/api/decisions?range=[0,0]')).body as { id: number }[];

  const page = await openAs('unit', '/#/decisions');
  await onlyOf(page, 'fineFen', CHENGDONG);
  await shot(page, '01-own-decisions');
  await page.locator('tbody tr').first().click();
  await expect(page.getByText('打开交款人票据页面')).toBeVisible();
  await expect(page.getByText(/^¥[\d,]+\.\d{2}$/).first()).toBeVisible();

  await page.goto('/#/refunds');
  await onlyOf(page, 'amountFen', CHENGDONG);
  await shot(page, '02-own-refunds');

  await page.goto(`/#/decisions/${other.id}/show`);
  await expect(page.getByText('数据不存在')).toBeVisible();
  await expect(page.getByText(MARKET)).toHaveCount(0);
});

test('unit_market hands in used stubs for write-off (缴销); they await finance, and the range cannot be handed in twice', async ({
  openAs,
  baseURL,
}) => {
  // A 专用缴款书 the office has just issued (issuing itself is receipts.spec.ts), through the API.
  const api = await apiAs(baseURL!, 'unit_market');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid' }));
  const [d] = (await api.call('GET', `/api/decisions?filter=${filter}&range=[20,20]`)).body as {
    id: number;
  }[];
  const issued = await api.call('POST', '/api/receipts', { typeCode: 'payment_form', decisionId: d.id });
  expect(issued.status).toBe(201);
  const no = String(issued.body.number);

  const page = await openAs('unit_market', '/#/receipt-write-offs');
  await page.getByRole('link', { name: '新建' }).click();
  await expect(page.getByRole('combobox', { name: '票种' })).toContainText('专用缴款书');
  await page.getByRole('spinbutton', { name: '起始号' }).fill(no);
  await page.getByRole('spinbutton', { name: '终止号' }).fill(no);
  await page.getByLabel('备注').fill('三月上旬已用存根');
  await shot(page, '03-write-off-request');
  await page.getByRole('button', { name: '保存' }).click();
  const row = page.getByRole('row').filter({ hasText: no });
  await expect(row).toContainText('专用缴款书');
  await expect(row).toContainText('待审核');
  // The unit cannot decide its own request.
  await expect(row.getByRole('button', { name: '批准' })).toHaveCount(0);
  await shot(page, '04-write-off-requested');

  // The same range again is refused, in Chinese.
  await page.getByRole('link', { name: '新建' }).click();
  await page.getByRole('spinbutton', { name: '起始号' }).fill(no);
  await page.getByRole('spinbutton', { name: '终止号' }).fill(no);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('部分票据已缴销或正在审核')).toBeVisible();
});
