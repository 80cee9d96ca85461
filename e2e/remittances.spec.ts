import ExcelJS from 'exceljs';
import { apiAs, expect, test } from './helpers';

test('treasury sees late and overdue remittances, records an entry; finance sees the 入库反馈 and acknowledges it', async ({
  openAs,
  baseURL,
}) => {
  const treasury = await openAs('treasury');
  await expect(treasury.getByTestId('card-remittances_overdue')).not.toHaveText('0');
  await treasury.goto('/#/timeliness');
  const kpi = treasury.getByRole('table', { name: '各银行缴库及时性' });
  await expect(kpi.getByRole('row')).toHaveCount(5);
  await kpi
    .getByRole('row', { name: /中国建设银行/ })
    .getByRole('link')
    .click();
  await expect(treasury.getByRole('cell', { name: '逾期未缴' }).first()).toBeVisible();

  // 昨日 / 本月 / 上月 reset the window from the server's business date (APP_TODAY 2026-03-16).
  await treasury.goto('/#/timeliness');
  await treasury.getByRole('button', { name: '上月' }).click();
  await expect(treasury.getByLabel('应缴库日起')).toHaveValue('2026-02-01');
  await expect(treasury.getByLabel('应缴库日止')).toHaveValue('2026-02-28');
  await expect(kpi.getByRole('row').nth(1)).toContainText('元·天');

  // Pivot cell → that bank's obligations of that day → the collections one of them covers.
  const pivot = treasury.getByRole('table', { name: '银行 × 应缴库日' });
  // A number in a cell is a late or overdue day (its worst delay in working days).
  await pivot.locator('td a').filter({ hasText: /^\d+$/ }).first().click();
  const obligations = treasury
    .getByRole('row')
    .filter({ has: treasury.getByRole('cell', { name: /^(迟延|逾期未缴)$/ }) });
  await expect(obligations.first()).toBeVisible();
  await expect(obligations.first()).toContainText('元·天');
  const count = Number(await obligations.first().getByRole('cell').nth(2).textContent());
  await obligations.first().click();
  const covered = treasury.getByRole('table', { name: '所含缴款' });
  await expect(covered.getByRole('row')).toHaveCount(count + 1);
  await treasury.screenshot({ path: 'test-results/treasury-obligation-collections.png' });

  await treasury.goto('/#/remittances');
  await treasury.getByRole('combobox', { name: '状态' }).click();
  await treasury.getByRole('option', { name: '迟延' }).click();
  await expect(treasury.getByRole('cell', { name: '迟延' }).first()).toBeVisible();

  // 导出 → Excel: the server's workbook of the filtered list, every row 迟延, headers in Chinese.
  await treasury.getByRole('button', { name: '导出' }).click();
  const item = treasury.getByRole('menuitem', { name: /^Excel 表格（\d+ 条）$/ });
  const rowsShown = Number((await item.textContent())?.match(/（(\d+) 条）/)?.[1]);
  const [download] = await Promise.all([treasury.waitForEvent('download'), item.click()]);
  expect(download.suggestedFilename()).toBe('remittances-2026-03-16.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['应缴库日', '代理银行', '应缴库金额', '状态']));
  expect(sheet.actualRowCount - 1).toBe(rowsShown);
  const status = header.indexOf('状态') + 1;
  for (let r = 2; r <= sheet.actualRowCount; r++) expect(sheet.getRow(r).getCell(status).value).toBe('迟延');

  // A transfer the treasury has not entered yet: its feedback says 未入库.
  const api = await apiAs(baseURL!, 'treasury');
  const filter = encodeURIComponent(JSON.stringify({ type: 'missing' }));
  const [missing] = (await api.call('GET', `/api/entry-feedback?filter=${filter}&range=[0,0]`)).body as {
    reference: string;
    expectedFen: number;
  }[];
  expect(missing).toBeDefined();

  await treasury.goto('/#/treasury-entries');
  await treasury.getByRole('link', { name: '新建' }).click();
  await treasury.getByRole('combobox', { name: '国库' }).click();
  await treasury.getByRole('option').first().click();
  await treasury.getByRole('textbox', { name: '划款凭证号' }).fill(missing.reference);
  await treasury.getByLabel('入库日期').fill('2026-03-16');
  await treasury.getByRole('textbox', { name: '预算科目' }).fill('103050101');
  await treasury.getByRole('combobox', { name: '预算级次' }).click();
  await treasury.getByRole('option', { name: '中央级' }).click();
  await treasury
    .getByRole('textbox', { name: '入库金额（元）' })
    .fill((missing.expectedFen / 100).toFixed(2));
  await treasury.getByRole('button', { name: '保存' }).click();
  // 中央级 is not what these collections' billing codes require: the officer is told at once.
  await expect(treasury.getByText(new RegExp(`混库：划款 ${missing.reference}`))).toBeVisible();
  await expect(treasury.getByRole('cell', { name: missing.reference })).toBeVisible();

  const finance = await openAs('finance', '/#/entry-feedback');
  const row = finance.getByRole('row', { name: new RegExp(missing.reference) });
  await expect(row.getByRole('cell', { name: '混库（科目或级次错误）' })).toBeVisible();
  await row.getByRole('button', { name: '确认' }).click();
  await finance.getByRole('button', { name: '确定' }).click();
  await expect(finance.getByText('已确认该入库反馈')).toBeVisible();
  await expect(finance.getByRole('row', { name: new RegExp(missing.reference) })).toHaveCount(0);
});
