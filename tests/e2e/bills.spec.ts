import { expect, test } from '@playwright/test';
import { quoteBill } from '@/lib/billing';
import { HARBIN_LIKE_2025 } from '@/lib/seed/demo-bills';
import { formatMoney } from '@/lib/format/money';
import { pool } from '@/lib/db/client';
import { seedBills, seedHousehold, signIn } from './support';

async function billId(accountId: string, season: number): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1 AND season = $2`, [accountId, season]);
  return rows[0]!.id;
}

test('a resident reads every line of a bill, explained, with the late fee counted to now', async ({ page }) => {
  const home = await seedHousehold();
  const account = home.accounts[0]!;
  await seedBills(home.utilityId, [account.id]);
  await signIn(page, home.phone);
  await page.goto('/bills');
  await expect(page.getByRole('heading', { level: 2, name: '2025–2026 供暖季' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '2026–2027 供暖季' })).toBeVisible();

  await page.goto(`/bills/${await billId(account.id, 2025)}`);
  await expect(page.getByRole('heading', { level: 1, name: '账单明细' })).toBeVisible();
  // 100 m² at 41.60 元: 90 m² × 1.00 + 10 m² × 1.05 = 100.5 × 4160 × 1.02 = 426,441.6 → 4,264.42 元
  const energy = page.locator('[data-line="ENERGY"]');
  await expect(energy).toContainText('¥4,264.42');
  await expect(energy).toContainText('按建筑面积 100.00 ㎡ 计费：90.00 ㎡ × 41.60 元/㎡ × 1 + 10.00 ㎡ × 41.60 元/㎡ × 1.05，再乘动态调整系数 1.02');
  await expect(page.locator('[data-line="LATE_FEE"]')).toContainText('每天按 1‰ 计收滞纳金，按秒累计');
  const expected = quoteBill(HARBIN_LIKE_2025, { buildingAreaM2: '100.00', usableAreaM2: '80.00' }, [], new Date());
  const shown = await page.getByTestId('due-now').textContent();
  const shownFen = BigInt(shown!.replace(/[¥,.]/g, ''));
  // The page ticks every second from the server's snapshot: within a fen of the core's quote now.
  expect(shownFen - expected.dueFen).toBeGreaterThanOrEqual(-1n);
  expect(shownFen - expected.dueFen).toBeLessThanOrEqual(1n);
  expect(expected.lateFeeFen).toBeGreaterThan(0n);
  await expect(page.getByRole('link', { name: '去缴费' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印账单' })).toBeVisible();
  expect(formatMoney(expected.principalFen)).toBe('¥4,264.42');
});

test('the print stylesheet leaves out navigation and buttons', async ({ page }) => {
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  await page.goto(`/bills/${await billId(home.accounts[0]!.id, 2026)}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印账单' })).toBeHidden();
  await expect(page.locator('header')).toBeHidden();
  await expect(page.getByText(/打印时间/)).toBeVisible();
});

test('another resident’s bill is not found', async ({ page }) => {
  const mine = await seedHousehold();
  const theirs = await seedHousehold();
  await seedBills(theirs.utilityId, [theirs.accounts[0]!.id]);
  await signIn(page, mine.phone);
  const res = await page.goto(`/bills/${await billId(theirs.accounts[0]!.id, 2026)}`);
  expect(res?.status()).toBe(404);
});

test('the bills JSON API answers the signed-in resident only, in fen', async ({ page, request }) => {
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  const anonymous = await request.get('/api/v1/bills');
  expect(anonymous.status()).toBe(401);
  await signIn(page, home.phone);
  const res = await page.request.get('/api/v1/bills');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { bills: { season: number; accountNo: string; principalFen: number; dueFen: number }[] };
  expect(body.bills.map((b) => b.season)).toEqual([2026, 2025]);
  // 100 m² on the Harbin-like tariff: 4,264.42 元 each season.
  expect(body.bills.every((b) => b.accountNo === home.accounts[0]!.accountNo && b.principalFen === 426442)).toBe(true);
  expect(body.bills[1]!.dueFen).toBeGreaterThan(426442);
});

test('the JSON reads refuse a tampered, foreign or revoked session with a clear 401', async ({ page, request }) => {
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'))!;
  const tampered = `${cookie.value.slice(0, -4)}AAAA`;
  for (const path of ['/api/v1/bills', '/api/v1/payments']) {
    const forged = await request.get(path, { headers: { cookie: `${cookie.name}=${tampered}` } });
    expect(forged.status()).toBe(401);
    expect(await forged.json()).toEqual({ error: 'unauthenticated', message: '请先登录。' });
    const english = await request.get(path, { headers: { cookie: `${cookie.name}=${tampered}; nx-lang=en` } });
    expect(((await english.json()) as { message: string }).message).toMatch(/sign in/i);
    expect((await page.request.get(path)).status()).toBe(200);
  }
  // Signing out revokes the session row: the same cookie, replayed, reads nothing.
  await pool().query(`UPDATE auth_session SET revoked_at = now() WHERE subject_id = (SELECT id FROM resident WHERE phone_hash IS NOT NULL AND id IN (SELECT resident_id FROM resident_account WHERE account_id = $1))`, [home.accounts[0]!.id]);
  for (const path of ['/api/v1/bills', '/api/v1/payments']) {
    expect((await request.get(path, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).status()).toBe(401);
  }
});
