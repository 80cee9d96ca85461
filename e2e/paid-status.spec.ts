import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { issueKey, signedFetch } from '../scripts/machine-client';
import { apiAs, expect, PASSWORD, test } from './helpers';

async function openDecision(page: Page, number: string) {
  await page.goto('/#/decisions');
  await page.getByRole('textbox', { name: '搜索' }).fill(number);
  await page.getByRole('cell', { name: number }).click();
}

async function decisionsWhere(baseURL: string, status: string, index: number) {
  const police = await apiAs(baseURL, 'police');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: status }));
  const rows = (await police.call('GET', `/api/decisions?filter=${filter}&range=[${index},${index}]`))
    .body as {
    id: number;
    decisionNumber: string;
    fineFen: number;
  }[];
  return { police, decision: rows[0] };
}

test('the bank simulator pays a decision and police HQ sees it paid with the event', async ({
  openAs,
  baseURL,
}) => {
  const { decision } = await decisionsWhere(baseURL!, 'unpaid', 0);
  const out = execFileSync(
    'node',
    [
      '--import',
      'tsx',
      'scripts/simulate-bank.ts',
      '--url',
      baseURL!,
      '--bank',
      'CCB',
      '--decision',
      decision.decisionNumber,
    ],
    { encoding: 'utf8' },
  );
  expect(out).toContain('matched → paid: 1');

  const page = await openAs('police', '/#/decisions');
  await openDecision(page, decision.decisionNumber);
  await expect(page.getByText('已缴款').first()).toBeVisible();
  await page.getByRole('tab', { name: '状态变更记录' }).click();
  await expect(page.getByRole('cell', { name: '银行推送' })).toBeVisible();
  // The key's bank by name and the event in words, not "bank CCB counter …".
  await expect(page.getByRole('cell', { name: '中国建设银行青海省分行' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^银行缴款到账（流水 / })).toBeVisible();
  await page.getByRole('tab', { name: '缴款记录' }).click();
  await expect(page.getByRole('cell', { name: '中国建设银行青海省分行', exact: true })).toBeVisible();
});

test('a single-user manual change is flagged; a correction needs a second officer', async ({
  openAs,
  baseURL,
}) => {
  const page = await openAs('police', '/#/paid-status-flags');
  await page.getByTestId('flag-count-single_user_manual').click();
  await expect(page.getByRole('cell', { name: '单人手工改状态' }).first()).toBeVisible();

  const { decision } = await decisionsWhere(baseURL!, 'paid', 5);
  await openDecision(page, decision.decisionNumber);
  await page.getByRole('button', { name: '提出状态更正' }).click();
  await page.getByRole('combobox', { name: '更正为' }).click();
  await page.getByRole('option', { name: '未缴款' }).click();
  await page.getByRole('textbox', { name: '原因' }).fill('银行来函撤销该笔交易');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已提出更正，需另一名民警复核确认')).toBeVisible();

  await page.goto('/#/status-corrections');
  // One's own correction cannot be confirmed: the button is disabled and says why.
  await expect(page.getByRole('button', { name: '确认' }).first()).toBeDisabled();
  await expect(page.getByLabel('本人提出的更正须由另一位民警确认或驳回').first()).toBeVisible();

  const second = await openAs('police2', '/#/status-corrections');
  await second.getByRole('button', { name: '确认' }).first().click();
  await second.getByRole('textbox', { name: '原因' }).fill('已与银行核对');
  await second.getByRole('button', { name: '确定' }).click();
  await expect(second.getByText('更正已确认')).toBeVisible();
  await openDecision(second, decision.decisionNumber);
  await expect(second.getByText('未缴款').first()).toBeVisible();
  await second.getByRole('tab', { name: '异常标记' }).click();
  await expect(second.getByRole('cell', { name: '状态回退' })).toBeVisible();
});

test('revealing personal data asks for a reason and is audited', async ({ openAs }) => {
  const page = await openAs('police', '/#/decisions');
  await page.locator('tbody tr').first().click();
  await expect(page.getByText(/^\d{6}\*{8}[\dX]{4}$/).first()).toBeVisible();
  await page.getByRole('button', { name: '查看完整个人信息' }).click();
  await expect(page.getByRole('button', { name: '确定' })).toBeDisabled();
  await page.getByRole('textbox', { name: '查看原因（将记入审计日志）' }).fill('当事人现场核对身份');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('revealed')).toContainText(/\d{17}[\dX]/);

  const auditor = await openAs('auditor', '/#/audit-events');
  await auditor.getByRole('combobox', { name: '操作' }).click();
  await auditor.getByRole('option', { name: '查看个人信息' }).click();
  await expect(auditor.getByRole('cell', { name: '查看个人信息' }).first()).toBeVisible();
});

test("a bank's key cannot act for another bank or another institution", async ({ baseURL }) => {
  const boc = await issueKey(baseURL!, 'bank', 'BOC', PASSWORD);
  const { police, decision } = await decisionsWhere(baseURL!, 'unpaid', 3);
  const body = {
    decisionNumber: decision.decisionNumber,
    amountFen: decision.fineFen,
    channel: 'counter',
    bankTxnId: `BOCE2E${Date.now()}`,
    collectedAt: '2026-03-16T10:00:00+08:00',
  };
  expect(
    (await signedFetch(baseURL!, boc, 'POST', '/api/bank/v1/collections', { ...body, bankId: 'ICBC' }))
      .status,
  ).toBe(400);
  expect(
    (await signedFetch(baseURL!, boc, 'POST', '/api/police/v1/decisions', { decisions: [] })).status,
  ).toBe(403);
  expect((await signedFetch(baseURL!, boc, 'POST', '/api/bank/v1/collections', body)).status).toBe(201);
  const shown = (await police.call('GET', `/api/decisions/${decision.id}`)).body as {
    collections: { bankId: string }[];
  };
  expect(shown.collections.map((c) => c.bankId)).toEqual(['BOC']);
});

test('police HQ sees the sync-lag trend and imports decisions from a CSV, fixing a bad row first', async ({
  openAs,
}) => {
  const page = await openAs('police');
  await expect(page.getByTestId('sync-lag-trend').locator('svg .recharts-line')).toHaveCount(2);
  await expect(page.getByTestId('open-flags-by-type').getByText('同步滞后')).toBeVisible();

  const header = 'decisionNumber,unitCode,projectCode,fine,servedOn,partyName,idNumber,plate,suspensions';
  const row = (n: string, fine: string) =>
    `6301020100E2E${n},63010201,00200430900,"${fine}",2026-03-10,叶小梅,11010519491231002X,青A12345,2026-03-12..2026-03-13`;
  await page.goto('/#/decisions');
  await page.getByRole('link', { name: '导入处罚决定书' }).click();
  const content = page.getByRole('textbox', { name: '文件内容' });
  await content.fill([header, row('1', '1,234.50'), row('2', '12.345')].join('\n'));
  await page.getByRole('button', { name: '预览' }).click();
  await expect(
    page.getByRole('table', { name: '错误明细' }).getByRole('cell', { name: '罚款金额（元）' }),
  ).toBeVisible();
  await content.fill([header, row('1', '1,234.50'), row('2', '200')].join('\n'));
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('2 份决定书校验通过，罚款合计 ¥1,434.50，可以导入')).toBeVisible();
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('已导入 2 份决定书')).toBeVisible();
  await openDecision(page, '6301020100E2E1');
  await expect(page.getByText('¥1,234.50').first()).toBeVisible();
  await expect(page.getByText('叶*梅').first()).toBeVisible();
});
