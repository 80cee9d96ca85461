/*
 * Finance's journeys (JOURNEYS.md § Finance bureau), step by step:
 *   1. Morning check: refunds waiting for me (count, amount, oldest), unacknowledged treasury
 *      feedback, agreements overdue for filing, receipt stock alerts, each card leading to its
 *      filtered list ................................ here › 'morning check → …' (01–05).
 *      Next year's calendar: no warning before 1 December (here, 01); the warning from December:
 *      src/server/calendar/calendar.test.ts (summary warns about 2027).
 *   2. Approve refunds
 *      - inbox filtered by reason, unit and amount; the refund's decision, payments, refundable
 *        amount, evidence, applicant and reviewer; reject with a reason, the unit sees it
 *                                                     here › 'morning check → …' (06–10)
 *      - approve; voucher in 大写, print ............ refunds.spec.ts › unit applies → police reviews → finance approves → …
 *      - a large amount waits for a colleague ....... refunds.spec.ts › a large market refund: … finance and finance2 approve
 *      - acknowledge treasury feedback .............. remittances.spec.ts › treasury sees late and overdue remittances, …
 *   3. Set up a bank
 *      - agreement, account, cut-off, activate, file  agreements.spec.ts › finance creates, activates and files an agreement
 *      - issue the bank's API key, secret shown once with a copy button
 *                                                     here › 'morning check → …' (11–12)
 *   4. Maintain codes: add, map to subject and level, retire   here › 'morning check → …' (13–15)
 *   5. Close the month
 *      - no sign-off before the month is reconciled . here › 'morning check → …' (16)
 *      - reconciliation per bank, discrepancies by type with both amounts and their 责任方,
 *        sign-off naming the open discrepancies ..... reconciliation.spec.ts › finance reconciles February: …
 * Everyone who works with lists: 代收明细 filtered by bank and channel, exported to CSV, the file read
 * back (BOM, Chinese header, the list's total) .... here › 'morning check → …' (17); 月报表 and the
 * monthly 对账表: not built yet (issue 15/17).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { formatFen } from '../src/domain/money';
import { apiAs, expect, test } from './helpers';
import { refundAt, refundRow } from './journey-setup';

const ABC = '中国农业银行青海省分行';
const shot = (page: Page, n: string) => page.screenshot({ path: `test-results/journeys/finance-${n}.png` });

/** The total react-admin prints under a list: "第 1-6 条，共 6 条". */
async function total(page: Page, n: number) {
  if (n === 0) await expect(page.getByText(/没有/).first()).toBeVisible();
  else await expect(page.getByText(new RegExp(`共 ${n} 条$`))).toBeVisible();
}

test("morning check → approve refunds (filter, open, reject; the unit sees why) → set up a bank's API key → maintain codes → no sign-off before reconciliation", async ({
  openAs,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const mine = await refundAt(baseURL!, 'reviewed', { pick: 20, amountFen: 123, reason: 'wrong_payment' });
  const api = await apiAs(baseURL!, 'finance');
  const inbox = (await api.call('GET', '/api/refunds?filter={"pendingFor":"me"}&range=[0,199]')).body as {
    amountFen: number;
  }[];

  // The copy button of the API key writes to the clipboard; the test reads it back.
  const page = await openAs('finance', '/#/', { permissions: ['clipboard-read', 'clipboard-write'] });
  const card = (key: string) => page.getByTestId(`card-${key}`);
  await expect(card('refunds_waiting')).toHaveText(String(inbox.length));
  await expect(card('refunds_waiting_amount')).toHaveText(
    formatFen(inbox.reduce((s, r) => s + r.amountFen, 0)),
  );
  await expect(card('refunds_oldest_days')).toHaveText(/^\d+$/);
  for (const label of ['待确认的入库反馈', '逾期未备案协议', '票据预警'])
    await expect(page.getByRole('link', { name: label })).toBeVisible();
  // In March nothing warns about next year's calendar (the warning starts on 1 December).
  await expect(page.getByRole('link', { name: '立即导入' })).toHaveCount(0);
  await shot(page, '01-dashboard');

  // Each card leads to its list, filtered to exactly what the card counts.
  const follow = async (key: string, n: string, paged = true) => {
    await page.goto('/#/');
    const value = Number((await card(key).textContent())?.replace(/,/g, ''));
    await card(key).click();
    if (paged) await total(page, value);
    else await expect(page.locator('tbody tr')).toHaveCount(value);
    await shot(page, n);
  };
  await follow('entry_feedback_open', '02-feedback-open');
  await follow('agreements_overdue_filing', '03-agreements-overdue-filing');
  await expect(page.locator('tbody tr').first()).toContainText('逾期未备案');
  await follow('receipt_alerts', '04-receipt-alerts', false);
  await follow('refunds_waiting', '05-refunds-waiting');
  await expect(page.getByLabel('待我办理')).toBeChecked();

  // 2. The inbox filtered by reason, unit and amount range (the last two through 添加筛选条件).
  await page.getByRole('combobox', { name: '退付原因' }).click();
  await page.getByRole('option', { name: '错误缴款' }).click();
  await page.getByRole('button', { name: '添加筛选条件' }).click();
  await page.getByRole('menuitemcheckbox', { name: '执罚单位' }).click();
  await page.getByRole('combobox', { name: '执罚单位' }).click();
  await page.getByRole('option', { name: '西宁市公安局交通警察支队城东大队' }).click();
  const amounts = ['金额不低于（元）', '金额不高于（元）'];
  for (const label of amounts) {
    await page.getByRole('button', { name: '添加筛选条件' }).click();
    await page.getByRole('menuitemcheckbox', { name: label }).click();
  }
  for (const label of amounts) await page.getByRole('textbox', { name: label }).fill('1.23');
  const rows = page.locator('tbody tr');
  const row = rows.filter({ hasText: mine.decisionNumber });
  await expect(row).toHaveCount(1);
  for (const text of ['错误缴款', '¥1.23', '城东大队'])
    await expect(rows.filter({ hasNotText: text })).toHaveCount(0);
  await shot(page, '06-inbox-filtered');

  // Open it: the application, the decision and its money, the evidence, who applied and reviewed.
  await row.click();
  await expect(page.getByText('叶小梅', { exact: true })).toBeVisible();
  await expect(page.getByText(/城东大队/).first()).toBeVisible();
  await page.getByRole('tab', { name: '决定书与金额' }).click();
  for (const label of ['罚款金额', '已缴金额', '可退金额'])
    await expect(page.locator(`xpath=//p[normalize-space()="${label}"]/following-sibling::*[1]`)).toHaveText(
      /^¥[\d,]+\.\d{2}$/,
    );
  await shot(page, '07-decision-and-money');
  await page.getByRole('tab', { name: '证明材料' }).click();
  await expect(page.getByRole('link', { name: '缴款凭证.pdf' })).toBeVisible();
  await page.getByRole('tab', { name: '办理过程' }).click();
  await expect(page.getByRole('row', { name: /复核通过/ })).toBeVisible();
  await shot(page, '08-timeline');

  // Reject with a reason.
  await page.getByRole('button', { name: '驳回' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: '确定' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: '原因' }).fill('收款人与原缴款人不一致，请核实后重新申请');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已驳回').first()).toBeVisible();
  await shot(page, '09-rejected');

  const unit = await openAs('unit', '/#/refunds');
  await unit.getByRole('textbox', { name: '搜索' }).fill(mine.decisionNumber);
  const returned = refundRow(unit, mine);
  await expect(returned).toContainText('已驳回');
  await returned.click();
  await expect(unit.getByText('驳回原因：收款人与原缴款人不一致，请核实后重新申请')).toBeVisible();
  await shot(unit, '10-unit-sees-rejection');

  // An old code to retire, and a fresh item code for the new fine type (both unique per run).
  const stamp = String(Date.now() % 100_000).padStart(5, '0');
  const old = (
    await api.call('POST', '/api/billing-codes', {
      departmentCode: '00300',
      itemCode: `1${stamp}`,
      name: `超限运输罚款（旧版 ${stamp}）`,
      budgetSubjectCode: '103050113',
      budgetLevel: 'provincial',
      effectiveFrom: '2020-01-01',
    })
  ).body as { projectCode: string };
  expect(old.projectCode).toBe(`003001${stamp}`);

  // 3. The bank's API key: the secret is shown once, with a copy button that copies just the secret.
  await page.goto('/#/institution-keys');
  await page.getByRole('link', { name: '新建' }).click();
  await expect(page.getByRole('combobox', { name: '机构类型' })).toHaveText('代理银行');
  await page.getByRole('combobox', { name: '代理银行', exact: true }).click();
  await page.getByRole('option', { name: '中国农业银行青海省分行' }).click();
  await page.getByRole('button', { name: '签发接口密钥' }).click();
  const keyDialog = page.getByRole('dialog', { name: '新接口密钥' });
  await expect(keyDialog).toContainText('仅显示这一次，之后无法再次查看');
  const shown = (await keyDialog.getByTestId('key-secret').textContent()) ?? '';
  const [, keyId, secret] = /keyId: (\S+)\s*secret: (\S+)/.exec(shown) ?? [];
  expect(secret).toBeTruthy();
  await keyDialog.getByRole('button', { name: '复制密钥' }).click();
  await expect(page.getByText('密钥已复制到剪贴板')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shot(page, '11-api-key-once');
  await keyDialog.getByRole('button', { name: '关闭' }).click();
  const keyRow = page.getByRole('row', { name: new RegExp(keyId) });
  await expect(keyRow).toContainText('中国农业银行青海省分行');
  await expect(keyRow).toContainText('有效');
  await expect(page.getByText(secret)).toHaveCount(0);
  await shot(page, '12-api-keys');

  // 4. A billing code for a new fine type, mapped to its budget subject and level.
  await page.goto('/#/billing-codes');
  await page.getByRole('link', { name: '新建' }).click();
  await page.getByRole('textbox', { name: '部门编码' }).fill('00300');
  await page.getByRole('textbox', { name: '项目代码' }).fill(`2${stamp}`);
  await page.getByRole('textbox', { name: '项目名称' }).fill(`超限运输罚款（${stamp}）`);
  await page.getByRole('combobox', { name: '预算科目' }).click();
  await page.getByRole('option', { name: '103050113 交通运输罚没收入' }).click();
  await page.getByRole('combobox', { name: '预算级次' }).click();
  await page.getByRole('option', { name: '省级' }).click();
  await page.getByLabel('启用日期').fill('2026-04-01');
  await page.getByRole('button', { name: '保存' }).click();
  // The list's search waits for a pause in typing: one row left means it has been applied.
  const search = async (code: string) => {
    await page.getByRole('textbox', { name: '搜索' }).fill(code);
    await expect(page.locator('tbody tr')).toHaveCount(1);
    return page.getByRole('row', { name: new RegExp(code) });
  };
  const added = await search(`003002${stamp}`);
  await expect(added).toContainText(`超限运输罚款（${stamp}）`);
  await expect(added).toContainText('103050113 交通运输罚没收入');
  await expect(added).toContainText('省级');
  await expect(added).toContainText('启用');
  await shot(page, '13-code-added');

  // … and the old one retired.
  await (await search(old.projectCode)).click();
  await page.getByRole('button', { name: '停用', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('编码已停用')).toBeVisible();
  await shot(page, '14-code-retired');
  await page.goto('/#/billing-codes');
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '已停用' }).click();
  await expect(await search(old.projectCode)).toContainText('已停用');
  await shot(page, '15-codes-retired');

  // 5. Close the month: March has not been reconciled yet, so nobody can sign it.
  await page.goto('/#/reconciliation-signoffs');
  await page.getByLabel('月份').fill('2026-03');
  await expect(page.getByTestId('signoff-ICBC').getByRole('button', { name: '签认' })).toBeDisabled();
  await expect(page.getByLabel('该月该行尚未完成对账，暂不能签认').first()).toBeVisible();
  await shot(page, '16-signoff-before-run');

  // Everyone who works with lists: 代收明细 filtered by bank and channel, exported as CSV — every row
  // of the filter (not only the page on screen), Chinese headers, a BOM so that Excel reads UTF-8.
  await page.goto('/#/collections');
  await page.getByRole('combobox', { name: '代理银行' }).click();
  await page.getByRole('option', { name: ABC }).click();
  // The channel filter is one of the 添加筛选条件 ones (the toolbar fits 1366 px).
  await page.getByRole('button', { name: '添加筛选条件' }).click();
  await page.getByRole('menuitemcheckbox', { name: '缴款渠道' }).click();
  await page.getByRole('combobox', { name: '缴款渠道' }).click();
  await page.getByRole('option', { name: '手机银行' }).click();
  // Both filters applied: the rows on screen are all ABC's and all 手机银行.
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('tbody td.column-bankName').filter({ hasNotText: ABC })).toHaveCount(0);
  await expect(page.locator('tbody td.column-channel').filter({ hasNotText: '手机银行' })).toHaveCount(0);
  const listed = Number(/共 (\d+) 条$/.exec((await page.getByText(/共 \d+ 条$/).textContent()) ?? '')?.[1]);
  expect(listed).toBeGreaterThan(await page.locator('tbody tr').count());
  await page.getByRole('button', { name: '导出' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: `CSV 文件（${listed} 条）` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const file = await readFile(await download.path());
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = parse(file.subarray(3)) as string[][];
  expect(header).toEqual(
    expect.arrayContaining([
      '缴款时间',
      '代理银行',
      '银行流水号',
      '决定书编号',
      '实收金额',
      '缴款渠道',
      '匹配',
    ]),
  );
  expect(lines).toHaveLength(listed);
  expect(new Set(lines.map((l) => l[header.indexOf('代理银行')]))).toEqual(new Set([ABC]));
  expect(new Set(lines.map((l) => l[header.indexOf('缴款渠道')]))).toEqual(new Set(['手机银行']));
  await shot(page, '17-collections-exported');
});
