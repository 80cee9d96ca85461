/**
 * Journeys of a supervising department 主管部门 (`dept_market`), JOURNEYS.md:
 *
 * - Reviews refund applications from its units and passes them to finance: refunds.spec.ts › a large
 *   market refund: unit_market applies → dept_market reviews → finance and finance2 approve
 * - Returns them with a reason when evidence is missing: this file › dept_market returns …
 * - Sees its units' decisions (and their payments): this file › dept_market returns …
 * - Its dashboard (its units, refunds waiting for it): auth.spec.ts › each role sees a role-correct
 *   Chinese dashboard
 * - Sees its units' collections as a list: not built yet (a later issue).
 */
import type { Page } from '@playwright/test';
import { apiAs, expect, test } from './helpers';

const MARKET = '西宁市城中区市场监督管理局';
const shot = (page: Page, step: string) =>
  page.screenshot({ path: `test-results/journeys/dept-${step}.png` });

test("dept_market returns a unit_market refund that lacks evidence, with a reason, and sees only its units' decisions", async ({
  openAs,
  baseURL,
}) => {
  // A submitted application of the market office without any evidence, set up through the API.
  const unitApi = await apiAs(baseURL!, 'unit_market');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid' }));
  const decisions = (
    await unitApi.call('GET', `/api/decisions?filter=${filter}&range=[0,49]&sort=["id","DESC"]`)
  ).body as { id: number; decisionNumber: string; fineFen: number }[];
  // Not the newest one of ≥ ¥13,000 that refunds.spec.ts uses for its large refund: the oldest listed.
  const theirs = decisions.find((r) => r.fineFen >= 1_300_000);
  const d = decisions.filter((r) => r.fineFen >= 10_000 && r !== theirs).at(-1)!;
  const created = await unitApi.call('POST', '/api/refunds', {
    decisionId: d.id,
    reason: 'duplicate',
    amountFen: 8_800,
    payeeName: '青海聚源商贸有限公司',
    payeeAccount: '6228480000011112222',
    payeeBank: '农业银行西宁城中支行',
  });
  expect(created.status).toBe(201);
  expect((await unitApi.call('POST', `/api/refunds/${created.body.id}/submit`, {})).status).toBe(200);

  const page = await openAs('dept_market', '/#/refunds');
  await expect(page.getByLabel('待我办理')).toBeChecked();
  await page.getByRole('cell', { name: d.decisionNumber }).click();
  await expect(page.getByText('¥88.00').first()).toBeVisible();
  await expect(page.getByText('重复缴款').first()).toBeVisible();
  await page.getByRole('tab', { name: '证明材料' }).click();
  await expect(page.getByText('尚未上传证明材料')).toBeVisible();
  await shot(page, '01-refund-without-evidence');
  await page.getByRole('button', { name: '退回单位' }).click();
  const dialog = page.getByRole('dialog');
  const reason = '未上传重复缴款的两张缴款凭证，请补充后再提交';
  await dialog.getByRole('textbox', { name: '原因' }).fill(reason);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已退回执罚单位')).toBeVisible();
  await page.getByRole('tab', { name: '申请' }).click();
  await expect(page.getByText('已退回', { exact: true })).toBeVisible();
  await expect(page.getByText(`退回原因：${reason}`)).toBeVisible();
  await shot(page, '02-refund-returned');

  // Out of its inbox now; the unit_market sees it returned with the reason.
  await page.goto('/#/refunds');
  await expect(page.getByLabel('待我办理')).toBeChecked();
  await expect(page.getByRole('cell', { name: d.decisionNumber })).toHaveCount(0);
  const mine = (await unitApi.call('GET', `/api/refunds/${created.body.id}`)).body as {
    status: string;
    lastReason: string;
  };
  expect(mine).toMatchObject({ status: 'draft', lastReason: reason });

  // Its units' decisions, and only theirs, with the payments received.
  await page.goto('/#/decisions');
  // The pointer stays where the last click was, now over a column header: its sort tooltip would cover the row.
  await page.mouse.move(0, 0);
  await expect(page.locator('tbody td.column-fineFen').first()).toBeVisible();
  const units = page.locator('tbody td.column-unitName');
  await expect(units.first()).toHaveText(MARKET);
  await expect(units.filter({ hasNotText: MARKET })).toHaveCount(0);
  await shot(page, '03-units-decisions');
  await page.getByRole('textbox', { name: '搜索' }).fill(d.decisionNumber);
  // The search applies after a pause: wait for the filtered list before opening the row.
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('cell', { name: d.decisionNumber }).click();
  await page.getByRole('tab', { name: '缴款记录' }).click();
  await expect(page.getByRole('cell', { name: /银行.*分行$/ }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /^¥[\d,]+\.\d{2}$/ }).first()).toBeVisible();
  await shot(page, '04-decision-payments');
});
