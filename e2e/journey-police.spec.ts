/**
 * Journeys of traffic police HQ 交警总队 (`police`, second officer `police2`), JOURNEYS.md:
 *
 * 1. Audit paid status — inbox by flag type, filter, open a decision's full timeline, bulk mark
 *    reviewed with a note: this file › police audit the paid-status inbox by type …
 *    (the chip filter and a single_user_manual flag: paid-status.spec.ts › a single-user manual
 *    change is flagged; a correction needs a second officer; the dashboard's open flags by type and
 *    sync-lag trend: paid-status.spec.ts › police HQ sees the sync-lag trend and imports decisions …)
 * 2. Correct a status with a second officer: paid-status.spec.ts › a single-user manual change is
 *    flagged; a correction needs a second officer
 * 3. Review refund applications of traffic units — check the paid receipt and evidence, pass to
 *    finance: refunds.spec.ts › unit applies → police reviews → finance approves → …; the decision and
 *    its e-receipt in one click: finding.spec.ts › a refund reviewer reaches the decision and its
 *    e-receipt …; return to the unit with a reason (and the unit edits and resubmits): this file ›
 *    police return a traffic unit's refund with a reason …
 * 4. Reveal PII only with a reason: paid-status.spec.ts › revealing personal data asks for a reason
 *    and is audited (and the masked list search: finding.spec.ts › police find a decision by its full
 *    plate …)
 * The paid-status feed read by the police platform (its lag visible to police): not built yet (a
 * later issue).
 */
import type { Page } from '@playwright/test';
import { apiAs, expect, test } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const shot = (page: Page, step: string) =>
  page.screenshot({ path: `test-results/journeys/police-${step}.png` });

test('police audit the paid-status inbox by type, open a decision timeline and mark flags reviewed in bulk with a note', async ({
  openAs,
}) => {
  const page = await openAs('police', '/#/paid-status-flags');
  // Filter by type: only 重复缴款 flags, still the open ones.
  await page.getByRole('combobox', { name: '类型' }).click();
  await page.getByRole('option', { name: '重复缴款' }).click();
  const chip = page.getByTestId('flag-count-duplicate');
  await expect(chip).toHaveText(/^重复缴款 \d+$/);
  const before = Number((await chip.textContent())?.match(/\d+$/)?.[0]);
  expect(before).toBeGreaterThan(2);
  const rows = page.locator('tbody tr');
  await expect(rows.first().getByText('重复缴款')).toBeVisible();
  await expect(rows.filter({ hasNotText: '重复缴款' })).toHaveCount(0);
  await shot(page, '01-flags-by-type');

  // A flag opens its decision on the full timeline of status changes.
  const first = (await rows.first().locator('td.column-decisionNumber').textContent()) ?? '';
  expect(first).not.toBe('');
  await rows.first().locator('td.column-decisionNumber').click();
  await expect(page.getByRole('tab', { name: '状态变更记录', selected: true })).toBeVisible();
  await expect(page.getByText(first).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '银行缴款到账', exact: false }).first()).toBeVisible();
  await shot(page, '02-decision-timeline');
  await page.goBack();

  // Bulk: select two flags → 标记已核查 → a note → they leave the open inbox.
  await expect(chip).toHaveText(`重复缴款 ${before}`);
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: '标记已核查' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('将 2 条标记为已核查')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确定' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: '核查意见' }).fill('已与银行核对，系同一笔重复推送');
  await shot(page, '03-bulk-review-note');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已核查 2 条，跳过 0 条')).toBeVisible();
  await expect(chip).toHaveText(`重复缴款 ${before - 2}`);

  // Under 已核查 they carry the note.
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '已核查' }).click();
  // The note column is hidden by default (the list fits 1366 px); the column picker shows it.
  await page.getByRole('button', { name: '显示列', exact: true }).click();
  await page.getByRole('switch', { name: '核查意见' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('cell', { name: '已与银行核对，系同一笔重复推送' })).toHaveCount(2);
  await shot(page, '04-reviewed-with-note');
});

test("police return a traffic unit's refund with a reason; the unit sees 已退回 and the reason, edits and resubmits", async ({
  openAs,
  baseURL,
}) => {
  // A submitted application of 城东大队 with evidence, set up through the API as the unit would.
  const unitApi = await apiAs(baseURL!, 'unit');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid' }));
  const decisions = (
    await unitApi.call('GET', `/api/decisions?filter=${filter}&range=[0,49]&sort=["id","DESC"]`)
  ).body as { id: number; decisionNumber: string; fineFen: number }[];
  // Not the newest one of ≥ ¥20 that refunds.spec.ts and refund-form.spec.ts use: the oldest of these.
  const theirs = decisions.find((r) => r.fineFen >= 2_000);
  const d = decisions.filter((r) => r.fineFen >= 5_000 && r !== theirs).at(-1)!;
  const created = await unitApi.call('POST', '/api/refunds', {
    decisionId: d.id,
    reason: 'revoked',
    amountFen: 3_000,
    payeeName: '韩立新',
    payeeAccount: '6222020200087654321',
    payeeBank: '工商银行西宁城西支行',
  });
  expect(created.status).toBe(201);
  const id = created.body.id as number;
  expect(
    (
      await unitApi.call('POST', `/api/refunds/${id}/attachments`, {
        filename: '撤销决定书.pdf',
        contentBase64: PDF.toString('base64'),
      })
    ).status,
  ).toBe(201);
  expect((await unitApi.call('POST', `/api/refunds/${id}/submit`, {})).status).toBe(200);

  const police = await openAs('police', '/#/refunds');
  await expect(police.getByLabel('待我办理')).toBeChecked();
  await police.getByRole('cell', { name: d.decisionNumber }).click();
  await expect(police.getByText('¥30.00').first()).toBeVisible();
  await police.getByRole('tab', { name: '证明材料' }).click();
  await expect(police.getByRole('link', { name: '撤销决定书.pdf' })).toBeVisible();
  await police.getByRole('button', { name: '退回单位' }).click();
  const dialog = police.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: '确定' })).toBeDisabled();
  const reason = '撤销决定书未加盖公章，请补充盖章件';
  await dialog.getByRole('textbox', { name: '原因' }).fill(reason);
  await shot(police, '05-refund-return-reason');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(police.getByText('已退回执罚单位')).toBeVisible();
  await police.getByRole('tab', { name: '申请' }).click();
  await expect(police.getByText('已退回', { exact: true })).toBeVisible();
  await expect(police.getByRole('button', { name: '复核通过' })).toHaveCount(0);

  // The unit sees 已退回 (not 草稿) in its list and the reason on the application.
  const unit = await openAs('unit', '/#/refunds');
  await unit.getByRole('textbox', { name: '搜索' }).fill(d.decisionNumber);
  // The search applies after a pause: wait for the filtered list before opening the row.
  await expect(unit.locator('tbody tr')).toHaveCount(1);
  const row = unit.getByRole('row').filter({ hasText: d.decisionNumber });
  await expect(row.getByText('已退回', { exact: true })).toBeVisible();
  await row.getByRole('cell', { name: d.decisionNumber }).click();
  await expect(unit.getByText(`退回原因：${reason}`)).toBeVisible();
  await shot(unit, '06-unit-sees-returned');
  await unit.getByRole('link', { name: '修改' }).click();
  await unit.getByRole('textbox', { name: '说明' }).fill('已补充加盖公章的撤销决定书');
  await unit.getByRole('button', { name: '保存' }).click();
  await unit.getByRole('tab', { name: '证明材料' }).click();
  await unit
    .getByLabel('上传证明材料')
    .setInputFiles({ name: '撤销决定书（盖章）.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(unit.getByRole('link', { name: '撤销决定书（盖章）.pdf' })).toBeVisible();
  await unit.getByRole('button', { name: '提交' }).click();
  await expect(unit.getByRole('dialog').getByTestId('step-confirmation')).toContainText(
    `向「韩立新」退付 ¥30.00（决定书 ${d.decisionNumber}）`,
  );
  await unit.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(unit.getByText('已提交，等待主管部门复核')).toBeVisible();
  await unit.getByRole('tab', { name: '办理过程' }).click();
  const returned = unit.getByRole('row').filter({ hasText: '退回单位' });
  await expect(returned).toContainText(reason);
  await expect(returned).toContainText('交警总队');
  await shot(unit, '07-unit-resubmitted');

  // Back in the police inbox, waiting for review again.
  await police.reload();
  await expect(police.getByText('已提交', { exact: true })).toBeVisible();
  await expect(police.getByRole('button', { name: '复核通过' })).toBeEnabled();
});
