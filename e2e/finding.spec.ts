import { apiAs, expect, test } from './helpers';

test('police find a decision by its full plate; the auditor sees the search in the audit log, masked', async ({
  openAs,
  baseURL,
}) => {
  // The full plate of a paid decision, revealed (and audited) through the API as police would.
  const api = await apiAs(baseURL!, 'police');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid' }));
  const rows = (await api.call('GET', `/api/decisions?filter=${filter}&range=[0,49]`)).body as {
    id: number;
    decisionNumber: string;
    plate: string | null;
  }[];
  const d = rows.find((r) => r.plate)!;
  const { plate } = (await api.call('POST', `/api/decisions/${d.id}/reveal`, { reason: 'e2e 查询准备' }))
    .body as { plate: string };

  const police = await openAs('police', '/#/decisions');
  await police.getByRole('button', { name: '添加筛选条件' }).click();
  await police.getByRole('menuitemcheckbox', { name: '号牌（完整号码）' }).click();
  const input = police.getByRole('textbox', { name: '号牌（完整号码）' });
  await input.fill(plate.slice(0, 5));
  const searched = police.waitForResponse(
    (r) => r.url().includes('/api/decisions?') && decodeURIComponent(r.url()).includes('"plate"'),
  );
  await input.fill(plate);
  const response = await searched;
  // Only the complete plate was sent (a fragment never leaves the browser), and it came back masked.
  expect(decodeURIComponent(response.url())).toContain(`"plate":"${plate}"`);
  const found = (await response.json()) as { id: number; plate: string }[];
  expect(found.map((r) => r.id)).toContain(d.id);
  expect(found.every((r) => r.plate !== plate)).toBe(true);
  // Nothing of the search stays in the address bar or the browser's storage.
  expect(decodeURIComponent(police.url())).not.toContain(plate);
  expect(await police.evaluate(() => JSON.stringify(localStorage))).not.toContain(plate);
  await expect(police.getByRole('cell', { name: d.decisionNumber })).toBeVisible();
  // The list stays masked: the plate column shows 青A***45, never the searched value.
  await expect(police.getByRole('cell', { name: plate, exact: true })).toHaveCount(0);
  await police.screenshot({ path: 'test-results/police-search-by-plate.png' });
  await police.getByRole('cell', { name: d.decisionNumber }).click();
  await expect(police.getByText('打开交款人票据页面')).toBeVisible();
  await police.screenshot({ path: 'test-results/police-decision-by-plate.png' });

  const auditor = await openAs('auditor', '/#/audit-events');
  await auditor.getByRole('combobox', { name: '操作' }).click();
  await auditor.getByRole('option', { name: '按个人信息查询' }).click();
  const row = auditor.getByRole('row').filter({ hasText: 'police' }).first();
  await expect(row).toContainText('处罚决定书');
  await row.click();
  await expect(auditor.getByText(`${plate.slice(0, 2)}***${plate.slice(-2)}`).first()).toBeVisible();
  await expect(auditor.getByText(plate, { exact: false })).toHaveCount(0);
});

test('a refund reviewer reaches the decision and its e-receipt from the refund in one click each', async ({
  openAs,
}) => {
  const police = await openAs('police', '/#/refunds');
  await police.getByRole('row').nth(1).getByRole('cell').nth(1).click();
  await police.getByRole('tab', { name: '决定书与金额' }).click();
  const receiptLink = police.getByRole('link', { name: /^财政电子票据 \d{8}-\d{10}$/ });
  await expect(receiptLink).toBeVisible();
  await police.getByRole('link', { name: /^决定书 / }).click();
  await expect(police.getByText('打开交款人票据页面')).toBeVisible();
  await police.goBack();
  await police.getByRole('link', { name: /^财政电子票据 \d{8}-\d{10}$/ }).click();
  await expect(police.getByText('校验码')).toBeVisible();
});
