import type { Page } from '@playwright/test';
import { apiAs, expect, test } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The newest paid decision of a unit (the demo's refunds use its oldest ones) with at least `minFen` paid. */
async function paidDecisionOf(baseURL: string, unitId: number, minFen: number) {
  const police = await apiAs(baseURL, 'auditor');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid', unitId }));
  const rows = (await police.call('GET', `/api/decisions?filter=${filter}&range=[0,49]&sort=["id","DESC"]`))
    .body as { id: number; decisionNumber: string; fineFen: number }[];
  const d = rows.find((r) => r.fineFen >= minFen);
  if (!d) throw new Error(`no paid decision of unit ${unitId} with ${minFen} fen`);
  return d;
}

/** Irreversible steps open a dialog restating what will happen; the step counts only after 确定. */
async function confirmStep(page: Page, ...restates: (string | RegExp)[]) {
  const dialog = page.getByRole('dialog');
  for (const text of restates) await expect(dialog.getByTestId('step-confirmation')).toContainText(text);
  await dialog.getByRole('button', { name: '确定' }).click();
}

async function openRefundOf(page: Page, decisionNumber: string) {
  await page.goto('/#/refunds');
  await page.getByRole('textbox', { name: '搜索' }).fill(decisionNumber);
  // The search applies after a pause; a row clicked before that is left again for the filtered list.
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('cell', { name: decisionNumber }).click();
}

async function apply(page: Page, decisionNumber: string, amount: string, reason: string) {
  await page.goto('/#/decisions');
  await page.getByRole('textbox', { name: '搜索' }).fill(decisionNumber);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('cell', { name: decisionNumber }).click();
  await page.getByRole('link', { name: '申请退付' }).click();
  await expect(page.getByRole('combobox', { name: '处罚决定书' })).toHaveValue(decisionNumber);
  await page.getByRole('combobox', { name: '退付原因' }).click();
  await page.getByRole('option', { name: reason }).click();
  await page.getByRole('textbox', { name: '退付金额（元）' }).fill(amount);
  await page.getByRole('textbox', { name: '收款人' }).fill('叶小梅');
  await page.getByRole('textbox', { name: '收款账号' }).fill('6222020200012345678');
  await page.getByRole('textbox', { name: '收款开户行' }).fill('工商银行西宁城东支行');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('草稿')).toBeVisible();
  await page.getByRole('tab', { name: '证明材料' }).click();
  await page
    .getByLabel('上传证明材料')
    .setInputFiles({ name: '撤销决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByRole('link', { name: '撤销决定书.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '提交' }).click();
  await confirmStep(page, `向「叶小梅」退付 ¥${amount}`, decisionNumber);
  await expect(page.getByText('已提交，等待主管部门复核')).toBeVisible();
}

test('unit applies → police reviews → finance approves → voucher in 大写 → treasury executes → police sees it', async ({
  openAs,
  baseURL,
}) => {
  const d = await paidDecisionOf(baseURL!, 1, 2_000);
  const unit = await openAs('unit', '/#/decisions');
  await apply(unit, d.decisionNumber, '10.00', '处罚决定撤销');

  const police = await openAs('police', '/#/refunds');
  await expect(police.getByLabel('待我办理')).toBeChecked();
  await police.getByRole('cell', { name: d.decisionNumber }).click();
  await police.getByRole('tab', { name: '证明材料' }).click();
  await expect(police.getByRole('link', { name: '撤销决定书.pdf' })).toBeVisible();
  await police.getByRole('button', { name: '复核通过' }).click();
  await confirmStep(police, '退付 ¥10.00', '叶小梅');
  await expect(police.getByText('已复核，转财政审批')).toBeVisible();

  const finance = await openAs('finance', '/#/refunds');
  await openRefundOf(finance, d.decisionNumber);
  await finance.getByRole('button', { name: '批准' }).click();
  await confirmStep(finance, '批准：向「叶小梅」退付 ¥10.00', d.decisionNumber);
  await expect(finance.getByText('已记录审批')).toBeVisible();
  await finance.getByRole('button', { name: '开具收入退还书' }).click();
  await confirmStep(finance, '开具收入退还书：向「叶小梅」（工商银行西宁城东支行）退付 ¥10.00');
  await expect(finance.getByText(/退〔2026〕\d{6}号/)).toBeVisible();
  await finance.getByRole('link', { name: '收入退还书' }).click();
  await expect(finance.getByTestId('voucher-amount-words')).toHaveText('壹拾元整');
  await expect(finance.getByTestId('voucher-payee-account')).toHaveText('6222***********5678');
  await finance.getByRole('button', { name: '打印（含完整账号）' }).click();
  await expect(finance.getByTestId('voucher-payee-account')).toHaveText('6222020200012345678');

  const treasury = await openAs('treasury', '/#/refunds');
  await treasury.getByRole('cell', { name: d.decisionNumber }).click();
  await treasury.getByRole('button', { name: '确认已退付' }).click();
  await confirmStep(
    treasury,
    '确认国库已向「叶小梅」（工商银行西宁城东支行，账号 6222***********5678）退付 ¥10.00',
  );
  await expect(treasury.getByText('已确认退付，决定书状态已更新')).toBeVisible();

  await police.goto('/#/decisions');
  await police.getByRole('textbox', { name: '搜索' }).fill(d.decisionNumber);
  await expect(police.getByRole('cell', { name: '部分退付' })).toBeVisible();
  await police.getByRole('cell', { name: d.decisionNumber }).click();
  await police.getByRole('tab', { name: '状态变更记录' }).click();
  await expect(police.getByRole('cell', { name: '退付', exact: true })).toBeVisible();
});

test('a large market refund: unit_market applies → dept_market reviews → finance and finance2 approve', async ({
  openAs,
  baseURL,
}) => {
  const d = await paidDecisionOf(baseURL!, 7, 1_300_000);
  const unit = await openAs('unit_market', '/#/decisions');
  await apply(unit, d.decisionNumber, '12,345.60', '多缴');

  const dept = await openAs('dept_market', '/#/refunds');
  await openRefundOf(dept, d.decisionNumber);
  await dept.getByRole('button', { name: '复核通过' }).click();
  await confirmStep(dept, '退付 ¥12,345.60');
  await expect(dept.getByText('已复核，转财政审批')).toBeVisible();

  const finance = await openAs('finance', '/#/refunds');
  await openRefundOf(finance, d.decisionNumber);
  await finance.getByRole('button', { name: '批准' }).click();
  await confirmStep(finance, '退付 ¥12,345.60');
  await expect(finance.getByText('已记录审批')).toBeVisible();
  await expect(finance.getByText('已复核')).toBeVisible();
  // A second 批准 by the same approver cannot succeed: the button is disabled and says why.
  await expect(finance.getByRole('button', { name: '批准' })).toBeDisabled();
  await expect(finance.getByLabel('您已批准过，第二次审批须由另一位财政人员完成')).toBeVisible();

  const finance2 = await openAs('finance2', '/#/refunds');
  await finance2.getByRole('cell', { name: d.decisionNumber }).click();
  await finance2.getByRole('button', { name: '批准' }).click();
  await confirmStep(finance2, '退付 ¥12,345.60');
  await expect(finance2.getByText('已批准')).toBeVisible();
  await finance2.getByRole('button', { name: '开具收入退还书' }).click();
  await confirmStep(finance2, '¥12,345.60');
  await finance2.getByRole('link', { name: '收入退还书' }).click();
  await expect(finance2.getByTestId('voucher-amount-words')).toHaveText('壹万贰仟叁佰肆拾伍元陆角');
});
