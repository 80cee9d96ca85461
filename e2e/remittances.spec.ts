import { expect, test } from '@playwright/test';
import { staffSession } from '../scripts/machine-client';
import { loginAndWait, PASSWORD } from './helpers';

test('treasury sees late and overdue remittances, records an entry; finance sees the 入库反馈 and acknowledges it', async ({
  browser,
  baseURL,
}) => {
  const treasury = await browser.newPage();
  await loginAndWait(treasury, 'treasury');
  await expect(treasury.getByTestId('card-remittances_overdue')).not.toHaveText('0');
  await treasury.getByRole('menuitem', { name: '缴库及时性' }).click();
  const kpi = treasury.getByRole('table', { name: '各银行缴库及时性' });
  await expect(kpi.getByRole('row')).toHaveCount(5);
  await kpi
    .getByRole('row', { name: /中国建设银行/ })
    .getByRole('link')
    .click();
  await expect(treasury.getByRole('cell', { name: '逾期未缴' }).first()).toBeVisible();

  await treasury.getByRole('menuitem', { name: '缴库', exact: true }).click();
  await treasury.getByRole('combobox', { name: '状态' }).click();
  await treasury.getByRole('option', { name: '迟延' }).click();
  await expect(treasury.getByRole('cell', { name: '迟延' }).first()).toBeVisible();

  // A transfer the treasury has not entered yet: its feedback says 未入库.
  const api = await staffSession(baseURL!, 'treasury', PASSWORD);
  const filter = encodeURIComponent(JSON.stringify({ type: 'missing' }));
  const [missing] = (await api.call('GET', `/api/entry-feedback?filter=${filter}&range=[0,0]`)).body as {
    reference: string;
    expectedFen: number;
  }[];
  expect(missing).toBeDefined();

  await treasury.getByRole('menuitem', { name: '国库入库' }).click();
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
  await expect(treasury.getByRole('cell', { name: missing.reference })).toBeVisible();

  const finance = await browser.newPage();
  await loginAndWait(finance, 'finance');
  await finance.getByRole('menuitem', { name: '入库反馈' }).click();
  const row = finance.getByRole('row', { name: new RegExp(missing.reference) });
  await expect(row.getByRole('cell', { name: '混库（科目或级次错误）' })).toBeVisible();
  await row.getByRole('button', { name: '确认' }).click();
  await finance.getByRole('button', { name: '确定' }).click();
  await expect(finance.getByText('已确认该入库反馈')).toBeVisible();
  await expect(finance.getByRole('row', { name: new RegExp(missing.reference) })).toHaveCount(0);
});
