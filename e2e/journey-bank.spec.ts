/**
 * Journeys of an agent bank 代理银行 (`bank_icbc`), JOURNEYS.md:
 *
 * - Sees its own agreement and no other bank's: this file (and agreements.spec.ts › a bank user sees
 *   only its own agreements, as bank_abc); its dashboard: auth.spec.ts › each role sees a
 *   role-correct Chinese dashboard, and this file (its open discrepancies and overdue remittances)
 * - Sees its remittance timeliness: this file › bank_icbc sees its own timeliness …
 * - Sees its reconciliation discrepancies, answers one with a note: this file
 * - Signs off its period after seeing what is still open (the confirmation names the open
 *   discrepancies): this file (2026-01, which no other spec signs; reconciliation.spec.ts signs
 *   2026-02 for ICBC as finance, police and the bank)
 * - Its collections 代收明细, only its own, the dashboard's figure leading to them: this file (the
 *   export of a filtered list: journey-finance.spec.ts, step 17)
 * - Machines use the signed API: paid-status.spec.ts › the bank simulator pays a decision …, › a
 *   bank's key cannot act for another bank or another institution
 */
import type { Page } from '@playwright/test';
import { apiAs, expect, test } from './helpers';

const ICBC = '中国工商银行青海省分行';
const OTHER_BANKS = ['中国农业银行青海省分行', '中国银行青海省分行', '中国建设银行青海省分行'];
const shot = (page: Page, step: string) =>
  page.screenshot({ path: `test-results/journeys/bank-${step}.png` });

test('bank_icbc sees its own timeliness and discrepancies, answers one with a note, and signs off January after seeing what is open', async ({
  openAs,
  baseURL,
}) => {
  // Finance reconciles January for ICBC (the run itself is finance's journey, in reconciliation.spec.ts).
  const finance = await apiAs(baseURL!, 'finance');
  const run = await finance.call('POST', '/api/reconciliation-runs', {
    periodType: 'month',
    periodStart: '2026-01-01',
    bankId: 'ICBC',
  });
  expect(run.status).toBe(202);
  await expect
    .poll(
      async () =>
        ((await finance.call('GET', `/api/reconciliation-runs/${run.body.id}`)).body as { status: string })
          .status,
      { timeout: 60_000 },
    )
    .toBe('completed');

  const page = await openAs('bank_icbc');
  await expect(page.getByTestId('card-discrepancies_open')).not.toHaveText('0');
  await expect(page.getByTestId('card-remittances_overdue')).toBeVisible();
  await shot(page, '01-dashboard');

  // 代收明细: its own collections and no other bank's — the dashboard's figure opens exactly that
  // many, every transaction id is ICBC's, no other bank is named, and the whole list is what finance
  // counts for ICBC.
  const figure = page.getByTestId('card-collections_unmatched');
  const unmatched = Number((await figure.textContent())?.replace(/,/g, ''));
  await figure.click();
  await expect(page.getByText(new RegExp(`共 ${unmatched} 条$`))).toBeVisible();
  const txnIds = page.locator('tbody td.column-bankTxnId');
  await expect(txnIds.first()).toBeVisible();
  await expect(txnIds.filter({ hasNotText: /^ICBC/ })).toHaveCount(0);
  await expect(page.locator('tbody td.column-matched').filter({ hasNotText: '未匹配决定书' })).toHaveCount(0);
  await page.goto('/#/collections?filter={}');
  const own = (
    await finance.call('GET', `/api/collections/count?filter=${encodeURIComponent('{"bankId":"ICBC"}')}`)
  ).body as { count: number };
  await expect(page.getByText(new RegExp(`共 ${own.count} 条$`))).toBeVisible();
  await expect(txnIds.filter({ hasNotText: /^ICBC/ })).toHaveCount(0);
  for (const other of OTHER_BANKS) await expect(page.getByText(other)).toHaveCount(0);
  await shot(page, '02-collections');

  // Its agreements, no other bank's.
  await page.goto('/#/agreements');
  const banks = page.locator('tbody td.column-bankName');
  await expect(banks.first()).toHaveText(ICBC);
  await expect(banks.filter({ hasNotText: ICBC })).toHaveCount(0);

  // Timeliness: its own bank only.
  await page.goto('/#/timeliness');
  const kpi = page.getByRole('table', { name: '各银行缴库及时性' });
  await expect(kpi.getByRole('row')).toHaveCount(2);
  await expect(kpi.getByRole('row').nth(1)).toContainText(ICBC);
  await shot(page, '03-timeliness');

  // Its discrepancies: every one is ICBC's; it explains an amount mismatch with a note.
  await page.goto('/#/discrepancies');
  await page.getByRole('combobox', { name: '差异类型' }).click();
  await page.getByRole('option', { name: '金额不符' }).click();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '待处理' }).click();
  const rows = page.locator('tbody tr');
  // Only once both filters have applied are all rows open amount mismatches.
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('tbody td.column-type').filter({ hasNotText: '金额不符' })).toHaveCount(0);
  await expect(page.locator('tbody td.column-state').filter({ hasNotText: '待处理' })).toHaveCount(0);
  await expect(rows.first().locator('td.column-bankName')).toHaveText(ICBC);
  await expect(page.locator('tbody td.column-bankName').filter({ hasNotText: ICBC })).toHaveCount(0);
  await expect(rows.first().getByRole('cell', { name: /^¥/ })).toHaveCount(2);
  const ref = (await rows.first().locator('td.column-refKey').textContent()) ?? '';
  expect(ref).not.toBe('');
  await shot(page, '04-discrepancies');
  await rows.first().getByRole('button', { name: '说明' }).click();
  const note = '柜面补录金额有误，已于次日冲正，详见冲正流水';
  await page.getByRole('dialog').getByRole('textbox', { name: '原因' }).fill(note);
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已记录说明')).toBeVisible();
  await expect(page.locator('td.column-refKey', { hasText: ref })).toHaveCount(0);
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '已说明' }).click();
  const answered = page.getByRole('row').filter({ hasText: ref });
  await expect(answered).toContainText(note);
  await expect(answered).toContainText('已说明');

  // Sign-off: the confirmation names what is still open before the bank signs.
  await page.goto('/#/reconciliation-signoffs');
  await page.getByLabel('月份').fill('2026-01');
  const row = page.getByTestId('signoff-ICBC');
  await expect(page.locator('[data-testid^="signoff-"]')).toHaveCount(1);
  await row.getByRole('button', { name: '签认' }).click();
  const confirmation = page.getByRole('dialog').getByTestId('step-confirmation');
  await expect(confirmation).toContainText(`签认 2026-01 ${ICBC}`);
  await expect(confirmation).toContainText(/尚有 \d+ 条未解决的差异/);
  await expect(confirmation).toContainText(/金额不符：\d+ 条，平台金额 ¥[\d,]+\.\d{2}/);
  await expect(page.getByRole('dialog').getByRole('button', { name: '确定' })).toBeDisabled();
  await shot(page, '05-signoff-open-discrepancies');
  await page.getByRole('dialog').getByRole('checkbox').check();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已签认', { exact: true })).toBeVisible();
  // Only the bank has signed: the period stays open for finance and police.
  await expect(row.getByText('已锁定')).toHaveCount(0);
  await expect(row.getByText(/^(待签认|已逾期)$/)).toHaveCount(2);
  await shot(page, '06-signed');
});
