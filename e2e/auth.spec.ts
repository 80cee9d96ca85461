import { expect, login, loginAndWait, test } from './helpers';

test('10 wrong passwords lock a throwaway account', async ({ page, request }) => {
  const adminLogin = await request.post('/api/auth/login', {
    data: { username: 'admin', password: 'Demo@2026' },
  });
  const { csrfToken } = await adminLogin.json();
  const created = await request.post('/api/users', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      username: 'e2e_lock',
      displayName: '临时账户',
      role: 'police',
      regionCode: '63',
      password: 'Right1234',
    },
  });
  expect(created.status()).toBe(201);

  for (let i = 0; i < 10; i++) {
    await login(page, 'e2e_lock', `wrong-${i}-pass`);
    await expect(page.getByText('用户名或密码错误，或账户已被锁定')).toBeVisible();
  }
  await login(page, 'e2e_lock', 'Right1234');
  await expect(page.getByText('用户名或密码错误，或账户已被锁定')).toBeVisible();
  await expect(page.getByText('您好，')).toHaveCount(0);
});

test('the language switch turns the UI into English and back', async ({ openAs }) => {
  const page = await openAs('finance');
  await expect(page.getByRole('menuitem', { name: '代理银行协议' })).toBeVisible();
  await page
    .getByRole('button', { name: /语言|Language|中文/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('menuitem', { name: 'Agent-bank agreements' })).toBeVisible();
  await expect(page.getByText('Welcome,')).toBeVisible();
  await page
    .getByRole('button', { name: /Language|English/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await expect(page.getByRole('menuitem', { name: '代理银行协议' })).toBeVisible();
});

/** Per role: its name in the subtitle, a card only it gets, and a card it must not get. */
const DASHBOARDS = [
  { user: 'admin', role: '系统管理员', card: '用户总数', absent: '待我办理的退付' },
  { user: 'finance', role: '财政厅', card: '待确认的入库反馈', absent: '用户总数' },
  { user: 'treasury', role: '人民银行国库', card: '待办退付金额', absent: '待确认的入库反馈' },
  { user: 'police', role: '交警总队', card: '待核查异常标记', absent: '逾期未缴库' },
  { user: 'auditor', role: '审计监督', card: '今日审计事件', absent: '待我办理的退付' },
  { user: 'unit', role: '执罚单位', card: '办理中的退付申请', absent: '待核查异常标记' },
  { user: 'dept_market', role: '主管部门', card: '管辖单位', absent: '办理中的退付申请' },
  { user: 'bank_icbc', role: '代理银行', card: '本行待处理对账差异', absent: '待我办理的退付' },
] as const;

// A parametrised set: each role in its own fresh context (own session cookie), one UI login each.
for (const d of DASHBOARDS) {
  test(`each role sees a role-correct Chinese dashboard: ${d.user}`, async ({ page }) => {
    await loginAndWait(page, d.user);
    await expect(page.getByText(`${d.role} · 业务日期 2026-03-16`, { exact: true })).toBeVisible();
    await expect(page.getByText(d.card, { exact: true })).toBeVisible();
    await expect(page.getByText(d.absent, { exact: true })).toHaveCount(0);
    if (d.user === 'admin') {
      await expect(page.getByRole('menuitem', { name: '用户' })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: '代理银行协议' })).toHaveCount(0);
    }
  });
}
