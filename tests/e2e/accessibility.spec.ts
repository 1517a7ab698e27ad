import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pool } from '@/lib/db/client';
import { fileFor, incidentWorkOrderOf, seedHome, seedStaffIn, seedTown } from './complaints-support';
import { billOf, seedBankTrade, seedFlaggedPayment, seedSucceededPayment } from './payments-support';
import { seedBills, seedHousehold, seedTestStaff, setMode, signIn } from './support';

// Each test walks every route of its kind through axe in one browser: give the longer lists room.
test.describe.configure({ timeout: 180_000 });

/** axe (WCAG 2.2 AA rules) on every page, in standard and in elder mode. */
const MODES = ['standard', 'elder'] as const;

async function audit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${path}`).toEqual([]);
}

for (const mode of MODES) {
  test(`signed-out pages pass axe in ${mode} mode`, async ({ page }) => {
    await setMode(page, mode);
    for (const path of ['/', '/login', '/staff/login', '/no-such-page']) await audit(page, path);
    await page.goto('/login');
    await page.getByLabel('手机号').fill('12');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByText('请输入正确的 11 位手机号。')).toBeVisible();
    const errors = await new AxeBuilder({ page }).analyze();
    expect(errors.violations.map((v) => v.id)).toEqual([]);
  });

  test(`resident pages pass axe in ${mode} mode`, async ({ page }) => {
    const home = await seedHousehold();
    await seedBills(home.utilityId, [home.accounts[0]!.id]);
    const bills = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1`, [home.accounts[0]!.id]);
    await setMode(page, mode);
    await signIn(page, home.phone);
    const [open, settled] = bills.rows.map((b) => b.id);
    const paymentId = await seedSucceededPayment(home.residentId, settled!);
    const payments = [`/pay?bill=${open}`, '/pay/history', `/pay/result/${paymentId}`, `/receipts/${paymentId}`, `/sandbox-bank/pay/${await seedBankTrade()}`];
    const pages = ['/', '/accounts', `/accounts/${home.accounts[0]!.id}`, '/accounts/bind', '/bills', ...bills.rows.map((b) => `/bills/${b.id}`), '/pay', ...payments, '/repair', '/refunds', '/refunds/new', '/me'];
    for (const path of pages) await audit(page, path);
  });

  test(`complaint pages pass axe in ${mode} mode`, async ({ page }) => {
    const town = await seedTown({ stationOutageThreshold: 2 });
    const home = await seedHome(town);
    await fileFor(await seedHome(town));
    const filed = await fileFor(home);
    await setMode(page, mode);
    await signIn(page, home.phone);
    // An open station outage, so its notice is audited too.
    for (const path of ['/', '/repair', '/repair/mine', `/repair/${filed.complaintId}`]) await audit(page, path);
    await page.goto('/repair');
    if (mode === 'elder') {
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '下一步' }).click();
    }
    await page.getByRole('button', { name: '提交报修' }).click();
    await expect(page.getByText('请至少选择一个房间。')).toBeVisible();
    const errors = await new AxeBuilder({ page }).analyze();
    expect(errors.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  test(`work-order pages pass axe in ${mode} mode`, async ({ page }) => {
    const town = await seedTown({ stationOutageThreshold: 2 });
    await fileFor(await seedHome(town));
    const filed = await fileFor(await seedHome(town));
    const supervisor = await seedStaffIn(town, 'SUPERVISOR');
    await setMode(page, mode);
    await page.goto('/staff/login');
    await page.getByLabel('用户名').fill(supervisor.username);
    await page.getByLabel('密码').fill(supervisor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
    for (const path of ['/staff', '/staff/work-orders', `/staff/work-orders/${filed.workOrderId}`, '/staff/dashboard', '/staff/hotwords', '/staff/hotwords?term=冰凉']) await audit(page, path);
  });

  test(`an incident work order passes axe in ${mode} mode`, async ({ page }) => {
    const town = await seedTown({ stationOutageThreshold: 2 });
    await fileFor(await seedHome(town));
    await fileFor(await seedHome(town));
    const agent = await seedStaffIn(town);
    await setMode(page, mode);
    await page.goto('/staff/login');
    await page.getByLabel('用户名').fill(agent.username);
    await page.getByLabel('密码').fill(agent.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
    await audit(page, `/staff/work-orders/${await incidentWorkOrderOf(town)}`);
  });

  test(`staff pages pass axe in ${mode} mode`, async ({ page }) => {
    const staff = await seedTestStaff('ADMIN');
    // A flagged payment in the staff member's utility, for its resolution page.
    const home = await seedHousehold();
    await seedBills(home.utilityId, [home.accounts[0]!.id]);
    const flagged = await seedFlaggedPayment(home.residentId, await billOf(home.accounts[0]!.id, 2026), 100_000n);
    // A refund no channel could pay, escalated: its page offers the offline payback step.
    const { rows: escalated } = await pool().query<{ id: string }>(
      `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, state, needs_supervisor,
         expected_by, last_error, escalated_at, attempts)
       SELECT b.utility_id, b.account_id, b.id, $2, gen_random_uuid()::text, 'OVERPAYMENT', 30000, '[]', 'failed', false, current_date, 'exceeds_refundable', now(), 1
       FROM bill b WHERE b.account_id = $1 AND b.season = 2026 RETURNING id`,
      [home.accounts[0]!.id, home.residentId],
    );
    await setMode(page, mode);
    await page.goto('/staff/login');
    await page.getByLabel('用户名').fill(staff.username);
    await page.getByLabel('密码').fill(staff.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
    const staffPages = ['/staff', '/staff/payments', '/staff/payments?q=NX&status=pending&flagged=1', '/staff/payments/reconciliation',
      '/staff/import', '/staff/accounts', '/staff/accounts?q=NO-SUCH-ACCOUNT', '/staff/closures', '/staff/audit', '/staff/refunds',
      `/staff/payments/${flagged.paymentId}`, '/staff/payments?flagged=all', `/staff/refunds/${escalated[0]!.id}`];
    for (const path of staffPages) await audit(page, path);
  });
}
