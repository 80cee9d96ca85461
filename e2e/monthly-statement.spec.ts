import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('the treasury reads the 月报表 and produces February’s 对账表; a unit confirms its statement', async ({
  browser,
}) => {
  const treasury = await browser.newPage();
  await loginAndWait(treasury, 'treasury');
  // The dashboard's timetable: February's statements are not produced, 9 working days after 2026-03-03.
  await expect(treasury.getByTestId('statement-duties-late')).toContainText(
    '国库对账表尚未生成，已逾期 9 个工作日',
  );

  // 月报表: last month by default, rows and a totals row, the export links carry the month.
  await treasury.goto('/#/monthly-statement');
  await expect(treasury.getByLabel('月份')).toHaveValue('2026-02');
  await expect(treasury.getByTestId('monthly-total')).toContainText(/合计\s*\d+¥/);
  await treasury.getByRole('button', { name: '导出' }).click();
  await expect(treasury.getByRole('menuitem', { name: 'Excel 表格' })).toHaveAttribute(
    'href',
    /\/api\/reports\/monthly-statement\.xlsx\?month=2026-02&locale=zh-CN/,
  );
  await treasury.keyboard.press('Escape');

  // 对账表: nothing yet, the treasury is late producing it; produce after the confirmation.
  await treasury.goto('/#/reconciliation-statements');
  await expect(treasury.getByText('本月尚未生成对账表。')).toBeVisible();
  const duties = treasury.getByTestId('statement-duties');
  await expect(
    duties.getByRole('row', { name: /人民银行国库\s*生成对账表\s*2026-03-03\s*未完成\s*9 个工作日/ }),
  ).toBeVisible();
  await treasury.getByRole('button', { name: '生成对账表' }).click();
  const dialog = treasury.getByRole('dialog');
  await expect(dialog.getByTestId('step-confirmation')).toContainText('根据 2026-02 的代收和国库入库数据');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(treasury.getByText(/已生成 \d+ 张对账表/)).toBeVisible();
  await expect(treasury.getByTestId('statements-total')).toContainText(/合计\s*\d+¥/);
  await expect(
    duties.getByRole('row', { name: /人民银行国库\s*生成对账表\s*2026-03-03\s*2026-03-16\s*9 个工作日/ }),
  ).toBeVisible();

  // The unit sees its own statements and confirms the first one.
  const unit = await browser.newPage();
  await loginAndWait(unit, 'unit');
  await expect(unit.getByTestId('statement-duties-late')).toContainText(
    /\d+ 张对账表尚未确认，最长已逾期 7 个工作日/,
  );
  await unit.goto('/#/reconciliation-statements');
  const first = unit.locator('[data-testid^="statement-"]').first();
  await expect(first.getByText('待确认')).toBeVisible();
  await first.getByRole('button', { name: '确认' }).click();
  const confirm = unit.getByRole('dialog');
  await expect(confirm.getByTestId('step-confirmation')).toContainText(
    /确认 .+的 2026-02 对账表：代收 ¥[\d,.]+，已入库 ¥/,
  );
  await confirm.getByRole('button', { name: '确定' }).click();
  await expect(unit.getByText('对账表已确认')).toBeVisible();
  await expect(first.getByText('已确认')).toBeVisible();
  await expect(first.getByRole('button', { name: '确认' })).toHaveCount(0);
});
