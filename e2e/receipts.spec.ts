import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { apiAs, expect, test } from './helpers';

async function allocate(page: Page, unit: RegExp, count: string) {
  await page.goto('/#/receipt-holdings');
  await page.getByRole('link', { name: '发放票据' }).click();
  await expect(page.getByRole('combobox', { name: '发出方' })).toContainText('青海省 财政');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('combobox', { name: '接收方' }).click();
  await page.getByRole('option', { name: unit }).click();
  await page.getByRole('textbox', { name: '数量（份）' }).fill(count);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '确认发放' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('step-confirmation')).toContainText(`将 ${count} 份`);
  await dialog.getByRole('button', { name: '确定' }).click();
}

async function balanceCells(page: Page, type: string, holder: string) {
  const row = page.getByTestId(`balance-${type}`).getByRole('row').filter({ hasText: holder });
  const cell = async (c: string) => Number(await row.locator(`[data-col="${c}"]`).innerText());
  return {
    received: await cell('received'),
    passedOn: await cell('passedOn'),
    used: await cell('used'),
    balance: await cell('balance'),
  };
}

test('finance purchases and allocates to a unit; the unit issues and voids; old stubs block new stock; the balance adds up', async ({
  openAs,
}) => {
  test.setTimeout(120_000);
  const finance = await openAs('finance', '/#/receipt-batches');
  await finance.getByRole('link', { name: '新建' }).click();
  await finance.getByRole('combobox', { name: '票种' }).click();
  await finance.getByRole('option', { name: '专用缴款书' }).click();
  await finance.getByLabel('起始号').fill('800001');
  await finance.getByLabel('终止号').fill('800500');
  await finance.getByLabel('领购日期').fill('2026-03-16');
  await finance.getByRole('button', { name: '保存' }).click();
  await expect(finance.getByRole('cell', { name: '800001' })).toBeVisible();

  // An overlapping purchase is refused, naming the clash.
  await finance.getByRole('link', { name: '新建' }).click();
  await finance.getByRole('combobox', { name: '票种' }).click();
  await finance.getByRole('option', { name: '专用缴款书' }).click();
  await finance.getByLabel('起始号').fill('800400');
  await finance.getByLabel('终止号').fill('800600');
  await finance.getByLabel('领购日期').fill('2026-03-16');
  await finance.getByRole('button', { name: '保存' }).click();
  await expect(finance.getByText('号段与已领购的号段重叠')).toBeVisible();

  await allocate(finance, /城东大队/, '200');
  await expect(finance.getByText(/已发放 200 份：107001–107200/)).toBeVisible();

  // 验旧换新: 城中大队 still holds used stubs from before the 90-day period.
  await allocate(finance, /城中大队/, '100');
  await expect(finance.getByRole('alert').filter({ hasText: '验旧换新' })).toContainText(
    /尚未核验缴销（101001–/,
  );

  const unit = await openAs('unit', '/#/receipts');
  await unit.getByRole('link', { name: '新建' }).click();
  await unit.getByRole('combobox', { name: '处罚决定书' }).fill('2026');
  await unit.getByRole('option').first().click();
  await unit.getByRole('button', { name: '保存' }).click();
  await expect(unit.getByText('已开具')).toBeVisible();
  await unit.getByRole('button', { name: '作废' }).click();
  await unit.getByRole('textbox', { name: '原因' }).fill('金额填写错误');
  await unit.getByRole('button', { name: '确定' }).click();
  await expect(unit.getByText('已作废，原因：金额填写错误')).toBeVisible();

  await unit.goto('/#/receipt-balance');
  const b = await balanceCells(unit, 'payment_form', '城东大队');
  expect(b.received).toBe(1200);
  expect(b.passedOn).toBe(0);
  expect(b.used).toBe(41);
  expect(b.balance).toBe(b.received - b.passedOn - b.used);

  await finance.goto('/#/receipt-balance');
  const province = await balanceCells(finance, 'payment_form', '青海省 财政');
  expect(province).toEqual({ received: 20_500, passedOn: 7_200, used: 0, balance: 13_300 });
});

test('a simulated bank collection produces an e-receipt that the payer’s link shows', async ({
  page,
  baseURL,
}) => {
  const police = await apiAs(baseURL!, 'police');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'unpaid', unitId: [1] }));
  const [decision] = (await police.call('GET', `/api/decisions?filter=${filter}&range=[3,3]`)).body as {
    decisionNumber: string;
  }[];
  const out = execFileSync(
    'node',
    [
      '--import',
      'tsx',
      'scripts/simulate-bank.ts',
      '--url',
      baseURL!,
      '--bank',
      'ICBC',
      '--decision',
      decision.decisionNumber,
    ],
    { encoding: 'utf8' },
  );
  const link = out.match(/e-receipt for .*: (\S+)/)?.[1];
  expect(link).toMatch(/\/r\/[\w-]{32}$/);
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: '财政电子票据' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '63010126' })).toBeVisible();
  await expect(page.getByRole('cell', { name: decision.decisionNumber })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印 Print' })).toBeVisible();

  const missing = await page.goto(`${baseURL}/r/${'x'.repeat(32)}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByText('票据不存在')).toBeVisible();
});
