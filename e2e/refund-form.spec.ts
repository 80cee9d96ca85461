import { apiAs, expect, test } from './helpers';

test('the unit sees what is refundable, an over-refund marks 退付金额 in Chinese, and the corrected form saves', async ({
  openAs,
  baseURL,
}) => {
  // A paid decision of the unit (newest first: the demo's refunds use the oldest ones).
  const auditor = await apiAs(baseURL!, 'auditor');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid', unitId: 1 }));
  const rows = (await auditor.call('GET', `/api/decisions?filter=${filter}&range=[0,49]&sort=["id","DESC"]`))
    .body as { id: number; decisionNumber: string; fineFen: number }[];
  const d = rows.find((r) => r.fineFen >= 2_000);
  if (!d) throw new Error('no paid decision of unit 1');

  const page = await openAs('unit', '/#/decisions');
  await page.getByRole('textbox', { name: '搜索' }).fill(d.decisionNumber);
  await page.getByRole('cell', { name: d.decisionNumber }).click();
  await page.getByRole('link', { name: '申请退付' }).click();
  const hint = page.getByRole('status').filter({ hasText: '尚可退' });
  await expect(hint).toBeVisible();
  const refundable = /尚可退 ¥([\d,]+\.\d{2})/.exec((await hint.textContent()) ?? '')?.[1];
  expect(refundable).toBeTruthy();

  await page.getByRole('combobox', { name: '退付原因' }).click();
  await page.getByRole('option', { name: '多缴' }).click();
  await page.getByRole('textbox', { name: '退付金额（元）' }).fill('999999.00');
  await page.getByRole('textbox', { name: '收款人' }).fill('叶小梅');
  await page.getByRole('textbox', { name: '收款账号' }).fill('6222020200012345678');
  await page.getByRole('textbox', { name: '收款开户行' }).fill('工商银行西宁城东支行');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`最多可退 ¥${refundable}`)).toBeVisible();
  await page.screenshot({ path: 'test-results/refund-form-over-refund.png' });

  await page.getByRole('textbox', { name: '退付金额（元）' }).fill('1.00');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('草稿')).toBeVisible();
});
