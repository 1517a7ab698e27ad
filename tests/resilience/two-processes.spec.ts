import { pool } from '@/lib/db/client';
import { billOf, ledgerOf } from '../e2e/payments-support';
import { seedBills, seedHousehold } from '../e2e/support';
import { expect, test } from './world';

/**
 * One resident's journey with every step on the other server process than the step before
 * (A and B are separate processes on their own ports; the browser's cookie is shared because
 * cookies ignore the port): nothing may depend on one process's memory.
 */
test('sign-in, bill, pay, result and receipt alternate between two server processes', async ({ world, page }) => {
  const [a, b] = [world.a.origin, world.b.origin];
  expect(world.a.child.pid).not.toBe(world.b.child.pid);
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  const billId = await billOf(home.accounts[0]!.id, 2026);

  // A: the code is asked for and entered (the code itself lives in PostgreSQL).
  await page.goto(`${a}/login`);
  await page.getByLabel('手机号').fill(home.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByTestId('demo-code').textContent({ timeout: 20_000 }))?.match(/\d{6}/)?.[0];
  expect(code).toBeDefined();
  await page.getByLabel('验证码', { exact: true }).fill(code!);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '您好' })).toBeVisible();

  // B: the same session reads the bill.
  await page.goto(`${b}/bills/${billId}`);
  await expect(page.getByRole('link', { name: '去缴费' })).toBeVisible();

  // A: the payment is started; the bank's page is A's.
  await page.goto(`${a}/pay?bill=${billId}`);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: /^确认支付/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '模拟银行 · 网上支付' })).toBeVisible();
  await page.getByRole('button', { name: '确认付款' }).click();
  await expect(page).toHaveURL(/\/pay\/result\//);
  const paymentId = new URL(page.url()).pathname.split('/').pop()!;

  // B: the result page polls B, which queries the bank and settles the payment.
  await page.goto(`${b}/pay/result/${paymentId}`);
  await expect(page.getByTestId('payment-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });

  // A: the receipt.
  await page.goto(`${a}/receipts/${paymentId}`);
  await expect(page.getByRole('heading', { level: 1, name: '电子收据' })).toBeVisible();
  await expect(page.getByTestId('receipt-no')).toHaveText(/^SJ\d{16}$/);

  expect(await ledgerOf(billId)).toEqual([`payment:${paymentId}`]);
  const { rows } = await pool().query<{ status: string }>(`SELECT status FROM payment WHERE bill_id = $1`, [billId]);
  expect(rows.map((r) => r.status)).toEqual(['succeeded']);
});
