import { createPublicKey, createVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentChannel } from '@/lib/payments/channel';
import { assertNoticeMatches } from '@/lib/payments/channels/notice-match';
import { createWeChatPayChannel } from '@/lib/payments/channels/wechatpay/channel';
import { weChatPayConfigSchema } from '@/lib/payments/channels/wechatpay/config';
import { fixedClock, memoryReplayGuard, startWeChatPayWorld, type WeChatPayWorld } from '@/tests/support/gateways/fixtures';
import { startServer, type StartedServer } from '@/tests/support/gateways/http-server';
import { generateRsaPair } from '@/tests/support/gateways/keys';
import { startNotifyEndpoint, type NotifyEndpoint } from '@/tests/support/gateways/notify-endpoint';

// create → sign → notify → verify → decrypt → query → refund, over HTTP against the local
// WeChat Pay stand-in, with the merchant's notify endpoint on its own port.

const clock = fixedClock();
let world: WeChatPayWorld;
let channel: PaymentChannel;
let endpoint: NotifyEndpoint;

const OUT_TRADE_NO = 'NX20241115000101';
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

beforeAll(async () => {
  endpoint = await startNotifyEndpoint(() => channel, clock.read);
  world = await startWeChatPayWorld(clock, { notifyUrl: endpoint.paymentUrl, refundNotifyUrl: endpoint.refundUrl });
  channel = createWeChatPayChannel(world.config, { replayGuard: memoryReplayGuard() });
});

afterAll(async () => {
  await Promise.all([world.gateway.close(), endpoint.close()]);
});

describe('WeChat Pay JSAPI end to end', () => {
  it('pays, is notified, queries, refunds and is notified of the refund', async () => {
    const created = await channel.createPayment({
      outTradeNo: OUT_TRADE_NO,
      amountFen: 24_000n, // 240.00 元
      description: '暖心 2024–2025 采暖费 3号楼2单元501',
      expiresAt: new Date(clock.now.getTime() + 30 * 60_000),
      now: clock.now,
      payerOpenId: OPENID,
    });
    if (created.launch.kind !== 'jsapi') throw new Error('expected a JSAPI launch');
    const { params, prepayId } = created.launch;
    const order = world.gateway.orders.get(OUT_TRADE_NO);
    expect(order).toMatchObject({ total: 24_000, openid: OPENID, notifyUrl: endpoint.paymentUrl, prepayId });
    // What WeixinJSBridge checks: paySign over the four fields with the merchant key.
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(world.merchant.publicKeyPem, params.paySign, 'base64')).toBe(true);
    expect(params.package).toBe(`prepay_id=${prepayId}`);

    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({
      status: 'pending',
      rawStatus: 'NOTPAY',
      amountFen: 24_000n,
      paidAt: null,
    });

    world.gateway.pay(OUT_TRADE_NO);
    const delivered = await world.gateway.notifyPayment(OUT_TRADE_NO);
    expect(delivered.status).toBe(204);
    expect(endpoint.refused).toEqual([]);
    const [notice] = endpoint.payments;
    expect(notice).toMatchObject({ outTradeNo: OUT_TRADE_NO, status: 'succeeded', amountFen: 24_000n });
    if (notice === undefined) throw new Error('no notice');
    assertNoticeMatches(notice, { outTradeNo: OUT_TRADE_NO, amountFen: 24_000n });

    const paid = await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now });
    expect(paid).toMatchObject({ status: 'succeeded', channelTradeNo: notice.channelTradeNo, amountFen: 24_000n });

    const refund = await channel.refund({
      outTradeNo: OUT_TRADE_NO,
      outRefundNo: 'RF20241115000101',
      refundFen: 24_000n,
      totalFen: 24_000n,
      reason: '重复缴费退款',
      now: clock.now,
    });
    expect(refund).toMatchObject({ status: 'processing', refundFen: 24_000n, outRefundNo: 'RF20241115000101' });

    world.gateway.settleRefund('RF20241115000101');
    const refundDelivered = await world.gateway.notifyRefund('RF20241115000101');
    expect(refundDelivered.status).toBe(204);
    expect(endpoint.refunds[0]).toMatchObject({ outRefundNo: 'RF20241115000101', status: 'succeeded', refundFen: 24_000n });

    expect(
      await channel.queryRefund({ outTradeNo: OUT_TRADE_NO, outRefundNo: 'RF20241115000101', now: clock.now }),
    ).toMatchObject({ status: 'succeeded', channelRefundNo: refund.channelRefundNo });
    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({
      status: 'refunded',
      rawStatus: 'REFUND',
    });
    expect(world.gateway.rejectedRequests).toEqual([]);
  });

  it('answers forged notifies over HTTP with a retry-me failure and records nothing', async () => {
    const before = endpoint.payments.length;
    for (const forgery of ['bad-signature', 'tampered-body', 'unknown-serial', 'stale-timestamp'] as const) {
      const result = await world.gateway.notifyPayment(OUT_TRADE_NO, forgery);
      expect(result.status).toBe(500);
      expect(JSON.parse(result.body)).toMatchObject({ code: 'FAIL' });
    }
    expect(endpoint.payments.length).toBe(before);
    expect(endpoint.refused.map((e) => e.code)).toEqual([
      'signature_invalid',
      'signature_invalid',
      'unknown_serial',
      'stale_timestamp',
    ]);
  });

  it('refuses a replayed notify delivery', async () => {
    const delivery = world.gateway.buildPaymentNotify(OUT_TRADE_NO);
    expect((await world.gateway.send(endpoint.paymentUrl, delivery)).status).toBe(204);
    expect((await world.gateway.send(endpoint.paymentUrl, delivery)).status).toBe(500);
    expect(endpoint.refused.at(-1)?.code).toBe('replayed');
  });
});

describe('WeChat Pay gateway replies', () => {
  it('reports an unknown trade as not_found only because the refusal is signed', async () => {
    await expect(channel.queryPayment({ outTradeNo: 'NX-NEVER', now: clock.now })).rejects.toMatchObject({
      code: 'not_found',
    });
    world.gateway.misbehave = 'unsigned';
    try {
      await expect(channel.queryPayment({ outTradeNo: 'NX-NEVER', now: clock.now })).rejects.toMatchObject({
        code: 'gateway_error',
      });
    } finally {
      world.gateway.misbehave = 'none';
    }
  });

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

  it('is refused by the gateway when signing with a key WeChat Pay does not know', async () => {
    const impostor = createWeChatPayChannel(
      weChatPayConfigSchema.parse({ ...world.config, merchantPrivateKeyPem: generateRsaPair().privateKeyPem }),
    );
    await expect(impostor.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
      code: 'gateway_error',
      details: expect.objectContaining({ status: 401, gatewayCode: 'SIGN_ERROR' }),
    });
    expect(world.gateway.rejectedRequests.at(-1)).toBe('signature does not verify');
  });

  it('refuses to create a JSAPI payment without an openid or for zero fen', async () => {
    const base = {
      outTradeNo: 'NX20241115000199',
      description: '采暖费',
      expiresAt: new Date(clock.now.getTime() + 60_000),
      now: clock.now,
    };
    await expect(channel.createPayment({ ...base, amountFen: 100n })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(channel.createPayment({ ...base, amountFen: 0n, payerOpenId: OPENID })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('times out against a gateway that never answers', async () => {
    const silent: StartedServer = await startServer(() => new Promise(() => undefined));
    try {
      const slow = createWeChatPayChannel(weChatPayConfigSchema.parse({ ...world.config, baseUrl: silent.url, timeoutMs: 200 }));
      await expect(slow.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
        code: 'gateway_timeout',
      });
    } finally {
      await silent.close();
    }
  });
});

describe('WeChat Pay configuration', () => {
  it('parses a complete configuration and fills the defaults', () => {
    const parsed = weChatPayConfigSchema.parse({ ...world.config, baseUrl: undefined, timeoutMs: undefined });
    expect(parsed.baseUrl).toBe('https://api.mch.weixin.qq.com');
    expect(parsed.timeoutMs).toBe(10_000);
  });

  it('refuses an APIv3 key that is not 32 bytes and an empty key set', () => {
    expect(weChatPayConfigSchema.safeParse({ ...world.config, apiV3Key: 'short' }).success).toBe(false);
    expect(weChatPayConfigSchema.safeParse({ ...world.config, platformPublicKeys: {} }).success).toBe(false);
  });

  it('accepts the platform key it was given', () => {
    const [serial, pem] = Object.entries(world.config.platformPublicKeys)[0] ?? [];
    expect(serial).toMatch(/^PUB_KEY_ID_/);
    expect(createPublicKey(pem ?? '').asymmetricKeyType).toBe('rsa');
  });
});
