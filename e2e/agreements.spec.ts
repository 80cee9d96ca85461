import { expect, test } from './helpers';

test('finance creates, activates and files an agreement', async ({ openAs }) => {
  const page = await openAs('finance', '/#/agreements');
  await page.getByRole('link', { name: '新建' }).click();

  await page.getByRole('combobox', { name: '代理银行' }).click();
  await page.getByRole('option', { name: '中国建设银行青海省分行' }).click();
  await page.getByRole('combobox', { name: '行政区划' }).click();
  await page.getByRole('option', { name: '海东市' }).click();
  await page.getByLabel('协议编号').fill('QCK-E2E-CCB-100');
  await page.getByLabel('收款账户名称').fill('海东市财政局非税收入汇缴户');
  await page.getByLabel('收款账号').fill('6217000011112222333');
  await page.getByLabel('开户网点').fill('建设银行海东分行');
  await page.getByLabel('签订日期').fill('2026-03-10');
  await page.getByLabel('生效日期').fill('2026-03-11');
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page.getByText('QCK-E2E-CCB-100').first()).toBeVisible();
  await expect(page.getByText('草稿').first()).toBeVisible();
  await page.getByRole('button', { name: '生效' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('step-confirmation')).toContainText(
    '使协议 QCK-E2E-CCB-100（中国建设银行青海省分行，海东市）生效',
  );
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('协议已生效')).toBeVisible();
  await expect(page.getByRole('button', { name: '暂停' })).toBeVisible();

  await page.getByRole('button', { name: '向人民银行备案' }).click();
  await page.getByLabel('备案文号').fill('银青备〔2026〕8号');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('备案已登记')).toBeVisible();
  await page.getByRole('tab', { name: '状态变更记录' }).click();
  await expect(page.getByRole('cell', { name: '备案' })).toBeVisible();
});

test('a bank user sees only its own agreements', async ({ openAs }) => {
  const page = await openAs('bank_abc', '/#/agreements');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const banks = await page.locator('tbody tr td.column-bankName').allTextContents();
  expect(banks.length).toBeGreaterThan(0);
  for (const bank of banks) expect(bank).toBe('中国农业银行青海省分行');
  await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
});

test('police can read agreements but not edit them', async ({ openAs }) => {
  const page = await openAs('police', '/#/agreements');
  await page.locator('tbody tr').first().click();
  await expect(page.getByText('协议编号')).toBeVisible();
  await expect(page.getByRole('link', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '暂停' })).toHaveCount(0);
  await page.goto('/#/agreements/1/edit');
  await expect(page.getByText(/无权|未授权|Unauthorized/)).toBeVisible();
});
