import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentChannel } from '@/lib/payments/channel';
import { createAlipayChannel } from '@/lib/payments/channels/alipay/channel';
import { alipayConfigSchema } from '@/lib/payments/channels/alipay/config';
import { assertNoticeMatches } from '@/lib/payments/channels/notice-match';
import { fixedClock, startAlipayWorld, type AlipayWorld } from '@/tests/support/gateways/fixtures';
import { generateRsaPair } from '@/tests/support/gateways/keys';
import { startNotifyEndpoint, type NotifyEndpoint } from '@/tests/support/gateways/notify-endpoint';

// alipay.trade.wap.pay → cashier → notify → query → refund → refund query, over HTTP
// against the local Alipay stand-in.

const clock = fixedClock();
let world: AlipayWorld;
let channel: PaymentChannel;
let endpoint: NotifyEndpoint;
const OUT_TRADE_NO = 'NX20241115000301';

beforeAll(async () => {
  endpoint = await startNotifyEndpoint(() => channel, clock.read);
  world = await startAlipayWorld(clock, endpoint.paymentUrl);
  channel = createAlipayChannel(world.config);
});

afterAll(async () => {
  await Promise.all([world.gateway.close(), endpoint.close()]);
});

describe('Alipay WAP end to end', () => {
  it('pays, is notified, queries, refunds in two parts and queries the refunds', async () => {
    const created = await channel.createPayment({
      outTradeNo: OUT_TRADE_NO,
      amountFen: 186_029n, // 1,860.29 元, a whole season for a large flat
      description: '暖心 2024–2025 采暖费',
      expiresAt: new Date(clock.now.getTime() + 30 * 60_000),
      now: clock.now,
      returnUrl: 'https://nuanxin.test/pay/result/NX20241115000301',
      quitUrl: 'https://nuanxin.test/bills',
    });
    if (created.launch.kind !== 'redirect') throw new Error('expected a redirect');
    const launched = new URL(created.launch.url);
    const biz = JSON.parse(launched.searchParams.get('biz_content') ?? '{}') as Record<string, string>;
    expect(biz).toEqual({
      out_trade_no: OUT_TRADE_NO,
      total_amount: '1860.29',
      subject: '暖心 2024–2025 采暖费',
      product_code: 'QUICK_WAP_WAY',
      time_expire: '2024-11-15 18:00:00',
      quit_url: 'https://nuanxin.test/bills',
    });
    expect(launched.searchParams.get('timestamp')).toBe('2024-11-15 17:30:00');
    expect(created.launch.form.fields).toMatchObject({ method: 'alipay.trade.wap.pay', sign_type: 'RSA2' });

    // Alipay knows no trade until the resident opens the cashier.
    await expect(channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({ code: 'not_found' });
    const cashier = await fetch(created.launch.url);
    expect(cashier.status).toBe(200);
    expect(await cashier.text()).toContain('1860.29');
    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({
      status: 'pending',
      amountFen: 186_029n,
      paidAt: null,
    });

    world.gateway.pay(OUT_TRADE_NO);
    const delivered = await world.gateway.notify(OUT_TRADE_NO);
    expect(delivered).toEqual({ status: 200, body: 'success' });
    const [notice] = endpoint.payments;
    if (notice === undefined) throw new Error('no notice');
    assertNoticeMatches(notice, { outTradeNo: OUT_TRADE_NO, amountFen: 186_029n });
    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({
      status: 'succeeded',
      channelTradeNo: notice.channelTradeNo,
    });

    const first = await channel.refund({
      outTradeNo: OUT_TRADE_NO,
      outRefundNo: 'RF20241115000301',
      refundFen: 6_029n, // 60.29 元
      totalFen: 186_029n,
      reason: '面积核减',
      now: clock.now,
    });
    expect(first).toMatchObject({ status: 'succeeded', refundFen: 6_029n });
    expect(world.gateway.trades.get(OUT_TRADE_NO)?.refunds.get('RF20241115000301')).toBe('60.29');

    // The same refund asked again moves no money and is not reported as a new success.
    const repeat = await channel.refund({
      outTradeNo: OUT_TRADE_NO,
      outRefundNo: 'RF20241115000301',
      refundFen: 6_029n,
      totalFen: 186_029n,
      reason: '面积核减',
      now: clock.now,
    });
    expect(repeat.status).toBe('processing');
    expect(
      await channel.queryRefund({ outTradeNo: OUT_TRADE_NO, outRefundNo: 'RF20241115000301', now: clock.now }),
    ).toMatchObject({ status: 'succeeded', refundFen: 6_029n, rawStatus: 'REFUND_SUCCESS' });

    await channel.refund({
      outTradeNo: OUT_TRADE_NO,
      outRefundNo: 'RF20241115000302',
      refundFen: 180_000n, // the remaining 1,800.00 元
      totalFen: 186_029n,
      reason: '停止供暖',
      now: clock.now,
    });
    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({
      status: 'refunded',
      rawStatus: 'TRADE_CLOSED',
    });
    await expect(
      channel.queryRefund({ outTradeNo: OUT_TRADE_NO, outRefundNo: 'RF-NEVER', now: clock.now }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(world.gateway.rejectedRequests).toEqual([]);
  });

  it('refuses a refund beyond the payment before calling Alipay', async () => {
    await expect(
      channel.refund({ outTradeNo: OUT_TRADE_NO, outRefundNo: 'RF-X', refundFen: 2n, totalFen: 1n, reason: '', now: clock.now }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('answers forged notifies over HTTP with something other than success', async () => {
    const before = endpoint.payments.length;
    for (const forgery of ['bad-signature', 'tampered-body', 'wrong-app'] as const) {
      expect((await world.gateway.notify(OUT_TRADE_NO, forgery)).body).toBe('fail');
    }
    expect(endpoint.payments.length).toBe(before);
  });
});

describe('Alipay gateway replies', () => {
  it.each(['unsigned', 'bad-signature'] as const)('refuses a %s success reply', async (misbehaviour) => {
    world.gateway.misbehave = misbehaviour;
    try {
      await expect(channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
        code: 'signature_invalid',
      });
    } finally {
      world.gateway.misbehave = 'none';
    }
  });

  it('does not take an unsigned "no such trade" for an answer', async () => {
    world.gateway.misbehave = 'unsigned';
    try {
      await expect(channel.queryPayment({ outTradeNo: 'NX-NEVER', now: clock.now })).rejects.toMatchObject({
        code: 'gateway_error',
      });
    } finally {
      world.gateway.misbehave = 'none';
    }
  });

  it('is refused by the gateway when signing with a key Alipay does not know', async () => {
    const impostor = createAlipayChannel(alipayConfigSchema.parse({ ...world.config, appPrivateKeyPem: generateRsaPair().privateKeyPem }));
    await expect(impostor.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
      code: 'gateway_error',
      details: expect.objectContaining({ code: '40002', subCode: 'isv.invalid-signature' }),
    });
    expect(world.gateway.rejectedRequests.at(-1)).toBe('invalid signature');
  });
});
