import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { startAlipayWorld, startWeChatPayWorld, type AlipayWorld, type TestClock, type WeChatPayWorld } from '@/tests/support/gateways/fixtures';
import { billState, seedBill } from './db-support';

// WeChat Pay and Alipay stand-ins notify the app's real route handler
// (app/api/payments/notify/[channel]/route.ts), configured from the environment exactly as the
// server is: keys in files, channels built by lib/env.ts.

const realClock: TestClock = {
  get now() {
    return new Date();
  },
  read: () => new Date(),
};

let wx: WeChatPayWorld;
let ali: AlipayWorld;
let dir: string;
let closeForwarder: () => Promise<void>;
const ENV_KEYS: string[] = [];

async function startForwarder(): Promise<string> {
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      // /api/payments/notify/{channel} for payments, /api/payments/notify/{channel}/refund for refunds.
      const [channel = '', kind] = (req.url ?? '').replace('/api/payments/notify/', '').split('/');
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const { POST } = kind === 'refund' ? await import('@/app/api/payments/notify/[channel]/refund/route') : await import('@/app/api/payments/notify/[channel]/route');
      const reply = await POST(new Request(`http://route${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }), {
        params: Promise.resolve({ channel }),
      });
      res.writeHead(reply.status, Object.fromEntries(reply.headers)).end(await reply.text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeForwarder = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function setEnv(values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) {
    ENV_KEYS.push(key);
    process.env[key] = value;
  }
}

beforeAll(async () => {
  const origin = await startForwarder();
  wx = await startWeChatPayWorld(realClock, {
    notifyUrl: `${origin}/api/payments/notify/wechatpay`,
    refundNotifyUrl: `${origin}/api/payments/notify/wechatpay/refund`,
  });
  ali = await startAlipayWorld(realClock, `${origin}/api/payments/notify/alipay`);
  dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-keys-'));
  const file = async (name: string, text: string) => {
    const full = path.join(dir, name);
    await writeFile(full, text);
    return full;
  };
  const [serial, platformPem] = Object.entries(wx.config.platformPublicKeys)[0]!;
  setEnv({
    PUBLIC_ORIGIN: origin,
    WECHATPAY_MCH_ID: wx.config.mchId,
    WECHATPAY_APP_ID: wx.config.appId,
    WECHATPAY_SERIAL_NO: wx.config.merchantSerialNo,
    WECHATPAY_PRIVATE_KEY_FILE: await file('wx.pem', wx.config.merchantPrivateKeyPem),
    WECHATPAY_API_V3_KEY: wx.config.apiV3Key,
    WECHATPAY_PLATFORM_KEYS: `${serial}=${await file('wx-platform.pem', platformPem)}`,
    WECHATPAY_BASE_URL: wx.gateway.url,
    ALIPAY_APP_ID: ali.config.appId,
    ALIPAY_PRIVATE_KEY_FILE: await file('ali.key', ali.config.appPrivateKeyPem),
    ALIPAY_PUBLIC_KEY_FILE: await file('ali.pub', ali.config.alipayPublicKeyPem),
    ALIPAY_SELLER_ID: ali.config.sellerId ?? '',
    ALIPAY_GATEWAY_URL: ali.config.gatewayUrl,
  });
});

afterAll(async () => {
  for (const key of ENV_KEYS) delete process.env[key];
  await Promise.all([wx.gateway.close(), ali.gateway.close(), closeForwarder()]);
  await rm(dir, { recursive: true, force: true });
});

async function start(channel: 'wechatpay' | 'alipay') {
  const { appChannels } = await import('@/lib/payments/app-channels');
  const { createPayment } = await import('@/lib/payments/create-payment');
  const bill = await seedBill();
  const started = await createPayment(appChannels(), {
    residentId: bill.residentId,
    billId: bill.billId,
    channel,
    idempotencyKey: randomUUID(),
    payerOpenId: channel === 'wechatpay' ? 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' : null,
    origin: 'https://nuanxin.test',
    limitMinutes: 15,
    now: new Date(),
  });
  return { ...bill, payment: started.payment, launch: started.launch };
}

async function statusOf(paymentId: string): Promise<string> {
  const { rows } = await pool().query<{ status: string }>(`SELECT status FROM payment WHERE id = $1`, [paymentId]);
  return rows[0]!.status;
}

describe('WeChat Pay through the notify route', () => {
  it('create → JSAPI parameters → paid → signed, encrypted notify → bill paid; a replay changes nothing', async () => {
    const { billId, payment, launch } = await start('wechatpay');
    expect(launch).toMatchObject({ kind: 'jsapi', params: { appId: wx.config.appId, signType: 'RSA' } });
    wx.gateway.pay(payment.outTradeNo);
    const notify = wx.gateway.buildPaymentNotify(payment.outTradeNo);
    expect(await wx.gateway.send(`${process.env.PUBLIC_ORIGIN}/api/payments/notify/wechatpay`, notify)).toMatchObject({ status: 204 });
    expect(await statusOf(payment.id)).toBe('succeeded');
    expect((await billState(billId)).status).toBe('PAID');
    // The very same notify again: its nonce is spent, it is refused, the bill is untouched.
    expect((await wx.gateway.send(`${process.env.PUBLIC_ORIGIN}/api/payments/notify/wechatpay`, notify)).status).toBe(500);
    expect((await billState(billId)).ledger).toHaveLength(1);
  });

  it('refuses forged notifies without a trace, and learns a silent payment by query', async () => {
    const { billId, payment } = await start('wechatpay');
    wx.gateway.pay(payment.outTradeNo);
    for (const forgery of ['bad-signature', 'tampered-body', 'unknown-serial', 'stale-timestamp', 'wrong-app', 'bad-ciphertext'] as const) {
      expect((await wx.gateway.notifyPayment(payment.outTradeNo, forgery)).status, forgery).toBe(500);
    }
    expect(await wx.gateway.notifyPayment(payment.outTradeNo, 'wrong-amount')).toMatchObject({ status: 500 });
    expect(await billState(billId)).toEqual({ status: 'ISSUED', ledger: [] });
    const { queryPayment } = await import('@/lib/payments/query-payment');
    const { appChannels } = await import('@/lib/payments/app-channels');
    // Flagged by the signed wrong amount: the query confirms payment, but staff must decide.
    expect((await queryPayment(appChannels(), payment.id, 'job', new Date())).status).toBe('pending');
    expect(await billState(billId)).toEqual({ status: 'ISSUED', ledger: [] });

    const quiet = await start('wechatpay');
    wx.gateway.pay(quiet.payment.outTradeNo);
    expect(await queryPayment(appChannels(), quiet.payment.id, 'job', new Date())).toEqual({ status: 'succeeded', changed: true });
    expect((await billState(quiet.billId)).status).toBe('PAID');
  });
});

describe('Alipay through the notify route', () => {
  it('create → signed cashier form → paid → RSA2 notify answered "success" → bill paid; query agrees', async () => {
    const { billId, payment, launch } = await start('alipay');
    expect(launch).toMatchObject({ kind: 'redirect', form: { method: 'POST' } });
    if (launch?.kind !== 'redirect') throw new Error('expected the cashier redirect');
    // The resident's browser opens the cashier: that is when Alipay learns of the trade.
    expect((await fetch(launch.url)).status).toBe(200);
    ali.gateway.pay(payment.outTradeNo);
    expect(await ali.gateway.notify(payment.outTradeNo, 'bad-signature')).toMatchObject({ body: expect.not.stringMatching(/^success$/) });
    expect(await billState(billId)).toEqual({ status: 'ISSUED', ledger: [] });
    expect(await ali.gateway.notify(payment.outTradeNo)).toMatchObject({ status: 200, body: 'success' });
    expect(await statusOf(payment.id)).toBe('succeeded');
    // Alipay repeats a notify until it hears "success": a repeat is absorbed.
    expect(await ali.gateway.notify(payment.outTradeNo)).toMatchObject({ body: 'success' });
    expect((await billState(billId)).ledger).toHaveLength(1);
    const { queryPayment } = await import('@/lib/payments/query-payment');
    const { appChannels } = await import('@/lib/payments/app-channels');
    expect(await queryPayment(appChannels(), payment.id, 'query', new Date())).toEqual({ status: 'succeeded', changed: false });
  });
});

/**
 * A resident's refund, approved by staff, goes back through the channel the bill was paid with:
 * the refunds workflow (lib/refunds) over the stand-in gateways, not only the channel's own calls.
 */
describe('refunds back through WeChat Pay and Alipay', () => {
  const payPolicy = { maxAttempts: 3 };

  async function paidAndAsked(channel: 'wechatpay' | 'alipay') {
    const paid = await start(channel);
    if (channel === 'wechatpay') {
      wx.gateway.pay(paid.payment.outTradeNo);
      expect(await wx.gateway.notifyPayment(paid.payment.outTradeNo)).toMatchObject({ status: 204 });
    } else {
      if (paid.launch?.kind !== 'redirect') throw new Error('expected the cashier redirect');
      expect((await fetch(paid.launch.url)).status).toBe(200);
      ali.gateway.pay(paid.payment.outTradeNo);
      expect(await ali.gateway.notify(paid.payment.outTradeNo)).toMatchObject({ body: 'success' });
    }
    expect((await billState(paid.billId)).status).toBe('PAID');
    await pool().query(`UPDATE heating_account SET status = 'SUSPENDED' FROM bill WHERE bill.id = $1 AND heating_account.id = bill.account_id`, [paid.billId]);
    const { submitRefund } = await import('@/lib/refunds/submit-refund');
    const { approveRefund } = await import('@/lib/refunds/review-refund');
    const { refundStaff } = await import('../refunds/support');
    const asked = await submitRefund(
      { residentId: paid.residentId, billId: paid.billId, reason: 'SUSPENSION', note: null, idempotencyKey: randomUUID() },
      new Date(),
      { supervisorThresholdFen: 10_000_000n, promiseWorkingDays: 10 },
    );
    expect(await approveRefund({ refundId: asked.refundId, actor: await refundStaff(paid.utilityId, 'AGENT') }, new Date())).toBe('approved');
    return { ...paid, refundId: asked.refundId };
  }

  async function refundState(refundId: string) {
    const { rows } = await pool().query<{ state: string; amount_fen: string; out_refund_no: string; payout: string }>(
      `SELECT r.state, r.amount_fen::text, o.out_refund_no, o.status AS payout FROM refund_request r JOIN refund_payout o ON o.refund_id = r.id WHERE r.id = $1`,
      [refundId],
    );
    return rows[0]!;
  }

  /** The refund job's work: send the approved refund through the payment's channel. */
  async function payBack(refundId: string) {
    const { appChannels } = await import('@/lib/payments/app-channels');
    const { payRefund } = await import('@/lib/refunds/pay-refund');
    await payRefund(appChannels(), refundId, new Date(), payPolicy);
  }

  /** The payment is partly refunded and its bill credited back exactly once. */
  async function expectBookedOnce(r: { billId: string; payment: { id: string; amountFen: bigint } }, refundFen: string) {
    expect(await statusOf(r.payment.id)).toBe('partially_refunded');
    expect((await billState(r.billId)).ledger.map((l) => l.amount_fen)).toEqual([String(r.payment.amountFen), `-${refundFen}`]);
  }

  it('WeChat Pay: the refund is asked under its out_refund_no, settled by a signed, encrypted refund notify, booked once', async () => {
    const r = await paidAndAsked('wechatpay');
    await payBack(r.refundId);
    // WeChat Pay answers PROCESSING: the money is on its way, not yet back.
    const sent = await refundState(r.refundId);
    expect(sent).toMatchObject({ state: 'refunding', payout: 'processing' });
    expect(wx.gateway.refunds.get(sent.out_refund_no)).toMatchObject({ outTradeNo: r.payment.outTradeNo, refund: Number(sent.amount_fen) });

    wx.gateway.settleRefund(sent.out_refund_no);
    // A forged refund notify is refused and books nothing.
    expect((await wx.gateway.notifyRefund(sent.out_refund_no, 'bad-signature')).status).toBe(500);
    expect(await refundState(r.refundId)).toMatchObject({ state: 'refunding' });
    const notify = wx.gateway.buildRefundNotify(sent.out_refund_no);
    expect(await wx.gateway.send(`${process.env.PUBLIC_ORIGIN}/api/payments/notify/wechatpay/refund`, notify)).toMatchObject({ status: 204 });
    expect(await refundState(r.refundId)).toMatchObject({ state: 'refunded', payout: 'succeeded' });
    // The same notify again is refused (its nonce is spent): the bill is credited back once.
    expect((await wx.gateway.send(`${process.env.PUBLIC_ORIGIN}/api/payments/notify/wechatpay/refund`, notify)).status).toBe(500);
    await expectBookedOnce(r, sent.amount_fen);
  });

  it('Alipay: alipay.trade.refund answers at once; the refund is booked once and a second payRefund sends nothing more', async () => {
    const r = await paidAndAsked('alipay');
    await payBack(r.refundId);
    const sent = await refundState(r.refundId);
    expect(sent).toMatchObject({ state: 'refunded', payout: 'succeeded' });
    await payBack(r.refundId);
    await expectBookedOnce(r, sent.amount_fen);
  });
});
