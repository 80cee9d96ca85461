import { readFileSync } from 'node:fs';
import { expect, test } from './helpers';

const GOOD = readFileSync(new URL('./fixtures/calendar-2024.csv', import.meta.url), 'utf8');
// One impossible date: the whole file must be refused.
const BAD = GOOD.replace('2024-06-10,HOLIDAY', '2024-06-31,HOLIDAY');

test('finance imports the 2024 calendar after fixing a bad row, then computes the National Day deadline', async ({
  openAs,
}) => {
  const page = await openAs('finance', '/#/calendar-years');
  await expect(page.getByRole('cell', { name: '2026', exact: true })).toBeVisible();
  await page.getByRole('link', { name: '导入节假日安排' }).click();

  const content = page.getByRole('textbox', { name: '文件内容' });
  await content.fill(BAD);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('1 处错误，未导入任何数据')).toBeVisible();
  const errors = page.getByRole('table', { name: '错误明细' });
  await expect(errors.getByRole('cell', { name: '23', exact: true })).toBeVisible();
  await expect(errors.getByText('“2024-06-31”不是有效日期（YYYY-MM-DD）')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入' })).toBeDisabled();

  await page.goto('/#/calendar-years');
  await expect(page.getByRole('cell', { name: '2026', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '2024', exact: true })).toHaveCount(0);

  await page.getByRole('link', { name: '导入节假日安排' }).click();
  await page.getByRole('textbox', { name: '文件内容' }).fill(GOOD);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('2024 年：新增，休息日 28 天，调休上班 8 天')).toBeVisible();
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('已导入 2024 年节假日安排')).toBeVisible();
  await expect(page.getByRole('cell', { name: '2024', exact: true })).toBeVisible();

  await page.getByRole('cell', { name: '2024', exact: true }).click();
  await expect(page.locator('[data-date="2024-10-01"]')).toHaveAttribute('data-kind', 'HOLIDAY');
  await expect(page.locator('[data-date="2024-09-29"]')).toHaveAttribute('data-kind', 'ADJUSTED_WORKDAY');

  await page.goto('/#/deadline-calculator');
  await page.getByRole('textbox', { name: '罚款金额（元）' }).fill('200.00');
  await page.getByLabel('送达日期').fill('2025-09-20');
  await page.getByLabel('缴款日期').fill('2025-10-10');
  await page.getByRole('button', { name: '计算' }).click();
  await expect(page.getByTestId('app.deadline.deadline')).toHaveText('2025-10-09');
  await expect(page.getByTestId('app.deadline.reasoning')).toContainText('2025-10-05 至 2025-10-08 为休息日');
  await expect(page.getByTestId('app.deadline.fee')).toHaveText('¥6.00');
  await expect(page.getByTestId('app.deadline.amount_due')).toContainText('贰佰零陆元整');

  await page.getByLabel('送达日期').fill('2026-12-20');
  await page.getByLabel('缴款日期').fill('2027-01-10');
  await page.getByRole('button', { name: '计算' }).click();
  await expect(page.getByText('尚未导入 2027 年节假日安排，无法计算')).toBeVisible();
});
