import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { loginAndWait } from './helpers';

test('finance exports the filtered billing-code list from the 导出 menu and opens the CSV', async ({
  page,
}) => {
  await loginAndWait(page, 'finance');
  // The list opens on active codes (its default filter); the export takes the same filter.
  await page.goto('/#/billing-codes');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();

  await page.getByRole('button', { name: '导出' }).click();
  const csvItem = page.getByRole('menuitem', { name: `CSV 文件（${shown} 条）` });
  await expect(csvItem).toHaveAttribute('href', /\/api\/billing-codes\/export\.csv\?.*status.*active/);
  const [download] = await Promise.all([page.waitForEvent('download'), csvItem.click()]);
  expect(download.suggestedFilename()).toMatch(/^billing-codes-\d{4}-\d{2}-\d{2}\.csv$/);

  const file = readFileSync(await download.path());
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = parse(file.subarray(3)) as string[][];
  expect(header).toEqual(expect.arrayContaining(['项目编码', '部门编码', '预算级次', '状态']));
  expect(lines).toHaveLength(shown);
  const col = (name: string) => header.indexOf(name);
  expect(lines.every((l) => l[col('状态')] === '启用')).toBe(true);
  expect(lines.map((l) => l[col('部门编码')])).toContain('00200');
});
