import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DISCREPANCY_TYPES } from '../src/domain/reconciliation';
import { expect, test } from './helpers';

async function signFebruary(page: Page, bankRow: string) {
  await page.goto('/#/reconciliation-runs');
  await page.getByRole('link', { name: '对账签认' }).click();
  await page.getByLabel('月份').fill('2026-02');
  const row = page.getByTestId(bankRow);
  await row.getByRole('button', { name: '签认' }).click();
  // The signature accepts the open findings: the dialog names them and asks to acknowledge them.
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('step-confirmation')).toContainText('签认 2026-02 中国工商银行青海省分行');
  await expect(dialog.getByTestId('step-confirmation')).toContainText(/尚有 \d+ 条未解决的差异/);
  await expect(dialog.getByTestId('step-confirmation')).toContainText(/：\d+ 条，(平台|银行)金额 ¥/);
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已签认', { exact: true })).toBeVisible();
  return row;
}

test('finance reconciles February: every discrepancy type with both amounts; three sign-offs lock the period', async ({
  openAs,
}) => {
  test.setTimeout(180_000);
  const finance = await openAs('finance', '/#/reconciliation-runs');
  await finance.getByRole('link', { name: '新建' }).click();
  // By role: once a run exists, the list has a sort button labelled 按期间开始升序排列.
  await finance.getByRole('textbox', { name: '期间开始' }).fill('2026-02-01');
  await finance.getByRole('button', { name: '保存' }).click();
  await expect(finance.getByText('已完成')).toBeVisible({ timeout: 60_000 });
  for (const type of DISCREPANCY_TYPES)
    await expect(finance.getByTestId(`discrepancy-count-${type}`)).not.toHaveText(/ 0$/);

  await finance.getByTestId('discrepancy-count-amount_mismatch').click();
  const first = finance.getByRole('row').nth(1);
  await expect(first.getByRole('cell', { name: '金额不符' })).toBeVisible();
  await expect(first.getByRole('cell', { name: /^¥/ })).toHaveCount(2);

  await signFebruary(finance, 'signoff-ICBC');
  const police = await openAs('police', '/#/reconciliation-runs');
  await signFebruary(police, 'signoff-ICBC');
  const bank = await openAs('bank_icbc', '/#/reconciliation-runs');
  const row = await signFebruary(bank, 'signoff-ICBC');
  await expect(row.getByText('已锁定')).toBeVisible();

  // 导出 → Excel: the server's table of the month the page shows, the bank's own row, locked, three signers.
  await bank.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([
    bank.waitForEvent('download'),
    bank.getByRole('menuitem', { name: 'Excel 表格（1 条）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('reconciliation-signoffs-2026-03-16.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
  expect(sheet.actualRowCount).toBe(2);
  expect(cell('月份')).toBe('2026-02');
  expect(cell('代理银行代码')).toBe('ICBC');
  expect(cell('已锁定')).toBe('是');
  for (const role of ['财政厅', '交警总队', '代理银行']) expect(cell(`${role}签认人`)).toBeTruthy();
});
