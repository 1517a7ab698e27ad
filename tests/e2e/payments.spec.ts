import { expect, test, type Page } from '@playwright/test';
import { pool } from '@/lib/db/client';
import { billOf, ledgerOf } from './payments-support';
import { seedBills, seedHousehold, signIn } from './support';

const WECHAT_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 ' +
  'Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240404 MMWEBID/2307 MicroMessenger/8.0.49.2600(0x28003133) ' +
  'WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

async function household() {
  const home = await seedHousehold();
  const account = home.accounts[0]!;
  await seedBills(home.utilityId, [account.id]);
  return { home, billId: await billOf(account.id, 2026), overdueBillId: await billOf(account.id, 2025) };
}

async function setElder(page: Page): Promise<void> {
  // Cookies ignore the port, so this one reaches every https://localhost origin of this run.
  await page.context().addCookies([{ name: 'nx-mode', value: 'elder', url: 'https://localhost' }]);
}

/** From the bill's "去缴费" to the sandbox bank's hosted page, returning the amount asked. */
async function startBankPayment(page: Page, billId: string, elder = false): Promise<string> {
  await page.goto(`/bills/${billId}`);
  await page.getByRole('link', { name: '去缴费' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '缴费' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '银行支付（模拟银行）' })).toBeChecked();
  await page.getByRole('button', { name: '下一步' }).click();
  const amount = (await page.getByTestId('confirm-amount').textContent())!;
  expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/);
  const pay = page.getByRole('button', { name: `确认支付 ${amount}` });
  if (elder) {
    await pay.click();
    await expect(page.getByText('请先勾选确认金额和户号。')).toBeVisible();
    await page.getByText(/我已核对：为户号 .* 缴费/).click();
  }
  await pay.click();
  await expect(page.getByRole('heading', { level: 1, name: '模拟银行 · 网上支付' })).toBeVisible();
  await expect(page.getByTestId('bank-amount')).toHaveText(amount);
  return amount;
}

async function expectStatus(page: Page, status: string, text: string): Promise<void> {
  await expect(page.getByTestId('payment-status')).toHaveAttribute('data-status', status, { timeout: 20_000 });
  await expect(page.getByTestId('payment-status')).toContainText(text);
}

test('a resident pays a bill through the sandbox bank and gets a printable receipt', async ({ page }) => {
  const { home, billId } = await household();
  await signIn(page, home.phone);
  const amount = await startBankPayment(page, billId);
  await page.getByRole('button', { name: '确认付款' }).click();
  await expect(page).toHaveURL(/\/pay\/result\//);
  await expectStatus(page, 'succeeded', '缴费成功');
  await expect(page.getByTestId('payment-status')).toContainText(`${amount} 已入账`);

  await page.getByRole('link', { name: '查看电子收据' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '电子收据' })).toBeVisible();
  await expect(page.getByTestId('receipt-no')).toHaveText(/^SJ\d{16}$/);
  await expect(page.getByTestId('receipt-amount')).toHaveText(amount);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印收据' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  expect(await ledgerOf(billId)).toHaveLength(1);
  await page.goto(`/bills/${billId}`);
  await expect(page.getByRole('link', { name: '去缴费' })).toHaveCount(0);
  await page.goto('/pay/history');
  await expect(page.getByTestId('history-item')).toHaveCount(1);
  await expect(page.getByTestId('history-item')).toContainText('缴费成功');
});

test('elder mode at 360 px: written confirmation before paying, then paid', async ({ page }) => {
  const { home, overdueBillId } = await household();
  await setElder(page);
  await signIn(page, home.phone);
  await expect(page.locator('html')).toHaveAttribute('data-mode', 'elder');
  await startBankPayment(page, overdueBillId, true);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: '确认付款' }).click();
  await expectStatus(page, 'succeeded', '缴费成功');
  expect(await ledgerOf(overdueBillId)).toHaveLength(1);
});

test('a cancelled payment says so, charges nothing, and can be retried safely', async ({ page }) => {
  const { home, billId } = await household();
  await signIn(page, home.phone);
  await startBankPayment(page, billId);
  await page.getByRole('button', { name: '取消付款' }).click();
  await expectStatus(page, 'failed', '付款未完成');
  await expect(page.getByTestId('payment-status')).toContainText('没有扣款');
  expect(await ledgerOf(billId)).toEqual([]);

  await page.getByRole('link', { name: '重新缴费' }).click();
  await expect(page.getByRole('radio', { name: '银行支付（模拟银行）' })).toBeChecked();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: /^确认支付/ }).click();
  await page.getByRole('button', { name: '确认付款' }).click();
  await expectStatus(page, 'succeeded', '缴费成功');
  const { rows } = await pool().query<{ status: string }>(`SELECT status FROM payment WHERE bill_id = $1 ORDER BY created_at`, [billId]);
  expect(rows.map((r) => r.status)).toEqual(['failed', 'succeeded']);
  expect(await ledgerOf(billId)).toHaveLength(1);
});

test.describe('inside WeChat', () => {
  test.use({ userAgent: WECHAT_ANDROID });

  test('links the openid silently, preselects WeChat Pay and calls getBrandWCPayRequest', async ({ page }) => {
    const { home, billId } = await household();
    await page.addInitScript(() => {
      const calls: unknown[] = [];
      Object.assign(window, {
        __wxCalls: calls,
        WeixinJSBridge: {
          invoke(api: string, params: unknown, done: (r: { err_msg: string }) => void) {
            calls.push({ api, params });
            done({ err_msg: 'get_brand_wcpay_request:ok' });
          },
        },
      });
    });
    await signIn(page, home.phone);
    await page.goto(`/pay?bill=${billId}`);
    // Through WeChat's (stand-in) authorize page and back, without a question to the resident.
    await expect(page).toHaveURL(new RegExp(`/pay\\?bill=${billId}(#wechat_redirect)?$`));
    const linked = await pool().query(`SELECT openid FROM wechat_openid WHERE resident_id = $1`, [home.residentId]);
    expect(linked.rows).toHaveLength(1);
    await expect(page.getByRole('radio', { name: '微信支付' })).toBeChecked();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: /^确认支付/ }).click();
    await expect(page).toHaveURL(/\/pay\/result\//);
    const calls = await page.evaluate(() => (window as unknown as { __wxCalls: { api: string; params: Record<string, string> }[] }).__wxCalls);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.api).toBe('getBrandWCPayRequest');
    expect(calls[0]!.params).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    expect(Object.keys(calls[0]!.params).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    // WeChat's "ok" proves nothing: the page waits for the verified notify or query.
    await expectStatus(page, 'pending', '正在确认付款结果');
    expect(await ledgerOf(billId)).toEqual([]);
  });
});

test('the payments JSON API starts a payment once per key, lists the history, and refuses what it must', async ({ page, baseURL }) => {
  const { home, billId } = await household();
  const other = await household();
  const api = page.request;
  // Not signed in: a clear 401 in Chinese, nothing created.
  const anonymous = await api.get('/api/v1/payments');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: 'unauthenticated', message: expect.stringMatching(/登录/) });

  await signIn(page, home.phone);
  const key = crypto.randomUUID();
  const start = (data: unknown, headers: Record<string, string> = {}) =>
    api.post('/api/v1/payments', { data: data as object, headers: { origin: new URL(baseURL!).origin, ...headers } });
  const first = await start({ billId, channel: 'sandbox-bank', idempotencyKey: key });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as { paymentId: string; status: string; launch: { kind: string } };
  expect(created).toMatchObject({ status: 'pending', launch: { kind: 'hosted' } });
  // The same key (a double tap, a retried request) returns the same payment.
  expect(await (await start({ billId, channel: 'sandbox-bank', idempotencyKey: key })).json()).toMatchObject({ paymentId: created.paymentId });
  // A new key while that payment is open: told to wait, nothing new.
  const again = await start({ billId, channel: 'sandbox-bank', idempotencyKey: crypto.randomUUID() });
  expect(again.status()).toBe(201);
  expect((await again.json()) as { paymentId: string }).toMatchObject({ paymentId: created.paymentId });

  // Another household's bill does not exist for this resident.
  const foreign = await start({ billId: other.billId, channel: 'sandbox-bank', idempotencyKey: crypto.randomUUID() });
  expect(foreign.status()).toBe(404);
  // Wrong types, bad JSON, another site, a form post: refused, nothing created.
  expect((await start({ billId: 42, channel: 'cash', idempotencyKey: 'x' })).status()).toBe(400);
  expect((await api.post('/api/v1/payments', { data: '{"billId":', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
  expect((await start({ billId, channel: 'sandbox-bank', idempotencyKey: crypto.randomUUID() }, { origin: 'https://evil.example' })).status()).toBe(403);
  expect((await api.post('/api/v1/payments', { form: { billId, channel: 'sandbox-bank', idempotencyKey: crypto.randomUUID() } })).status()).toBe(415);
  const { rows } = await pool().query<{ n: string }>(`SELECT count(*)::text AS n FROM payment WHERE bill_id IN ($1, $2)`, [billId, other.billId]);
  expect(rows[0]!.n).toBe('1');

  const history = (await (await api.get('/api/v1/payments')).json()) as { payments: { id: string; status: string; amountFen: number }[] };
  expect(history.payments).toEqual([expect.objectContaining({ id: created.paymentId, status: 'pending', amountFen: expect.any(Number) })]);
});
