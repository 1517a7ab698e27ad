import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotifyRequest, PaymentChannel } from '@/lib/payments/channel';
import { assertNoticeMatches } from '@/lib/payments/channels/notice-match';
import { createWeChatPayChannel } from '@/lib/payments/channels/wechatpay/channel';
import { fixedClock, memoryReplayGuard, startWeChatPayWorld, type WeChatPayWorld } from '@/tests/support/gateways/fixtures';
import type { Delivery } from '@/tests/support/gateways/http-server';

const clock = fixedClock();
let world: WeChatPayWorld;
let channel: PaymentChannel;
let guard: ReturnType<typeof memoryReplayGuard>;

const asRequest = (delivery: Delivery): NotifyRequest => ({ headers: new Headers(delivery.headers), body: delivery.body });

beforeAll(async () => {
  world = await startWeChatPayWorld(clock);
  const setup = createWeChatPayChannel(world.config);
  // 01 stays paid; 02 is paid and then partly refunded.
  for (const outTradeNo of ['NX20241115000001', 'NX20241115000002']) {
    await setup.createPayment({
      outTradeNo,
      amountFen: 24_000n, // 240.00 元
      description: '暖心 2024–2025 采暖费',
      expiresAt: new Date(clock.now.getTime() + 30 * 60_000),
      now: clock.now,
      payerOpenId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    });
    world.gateway.pay(outTradeNo);
  }
  const refund = await setup.refund({
    outTradeNo: 'NX20241115000002',
    outRefundNo: 'RF20241115000001',
    refundFen: 4_000n, // 40.00 元
    totalFen: 24_000n,
    reason: '停暖补偿',
    now: clock.now,
  });
  world.gateway.settleRefund(refund.outRefundNo);
});

afterAll(async () => {
  await world.gateway.close();
});

beforeEach(() => {
  guard = memoryReplayGuard();
  channel = createWeChatPayChannel(world.config, { replayGuard: guard });
});

describe('WeChat Pay payment notify', () => {
  it('verifies, decrypts and normalises a genuine notify', async () => {
    const notice = await channel.parseNotify(asRequest(world.gateway.buildPaymentNotify('NX20241115000001')), clock.now);
    expect(notice).toMatchObject({
      channel: 'wechatpay',
      outTradeNo: 'NX20241115000001',
      status: 'succeeded',
      amountFen: 24_000n,
      rawStatus: 'SUCCESS',
    });
    expect(notice.channelTradeNo).toMatch(/^42/);
    expect(notice.paidAt).toBeInstanceOf(Date);
    expect(() => assertNoticeMatches(notice, { outTradeNo: 'NX20241115000001', amountFen: 24_000n })).not.toThrow();
  });

  it.each([
    ['bad-signature', 'signature_invalid'],
    ['tampered-body', 'signature_invalid'],
    ['unknown-serial', 'unknown_serial'],
    ['stale-timestamp', 'stale_timestamp'],
    ['wrong-app', 'app_mismatch'],
    ['bad-ciphertext', 'decrypt_failed'],
  ] as const)('refuses a %s notify with %s', async (forgery, code) => {
    const delivery = world.gateway.buildPaymentNotify('NX20241115000001', forgery);
    await expect(channel.parseNotify(asRequest(delivery), clock.now)).rejects.toMatchObject({ code });
  });

  it('lets a signed notify for another amount through to be flagged by the amount check', async () => {
    const notice = await channel.parseNotify(
      asRequest(world.gateway.buildPaymentNotify('NX20241115000001', 'wrong-amount')),
      clock.now,
    );
    expect(notice.amountFen).toBe(24_001n);
    expect(() => assertNoticeMatches(notice, { outTradeNo: 'NX20241115000001', amountFen: 24_000n })).toThrow(
      expect.objectContaining({ code: 'amount_mismatch' }),
    );
  });

  it('refuses a replayed nonce and remembers it only until it would be stale', async () => {
    const delivery = world.gateway.buildPaymentNotify('NX20241115000001');
    await channel.parseNotify(asRequest(delivery), clock.now);
    await expect(channel.parseNotify(asRequest(delivery), clock.now)).rejects.toMatchObject({ code: 'replayed' });
    const [keepUntil] = [...guard.keys.values()];
    expect(keepUntil?.getTime()).toBeGreaterThan(clock.now.getTime() + 299_000);
    expect(keepUntil?.getTime()).toBeLessThanOrEqual(clock.now.getTime() + 302_000);
  });

  it('does not burn a nonce for a notify that fails verification', async () => {
    await expect(
      channel.parseNotify(asRequest(world.gateway.buildPaymentNotify('NX20241115000001', 'bad-signature')), clock.now),
    ).rejects.toMatchObject({ code: 'signature_invalid' });
    expect(guard.keys.size).toBe(0);
  });

  it('refuses a notify without the Wechatpay headers, and a notify read five minutes late', async () => {
    const delivery = world.gateway.buildPaymentNotify('NX20241115000001');
    await expect(channel.parseNotify({ headers: new Headers(), body: delivery.body }, clock.now)).rejects.toMatchObject({
      code: 'signature_invalid',
    });
    const late = new Date(clock.now.getTime() + 301_000);
    await expect(channel.parseNotify(asRequest(delivery), late)).rejects.toMatchObject({ code: 'stale_timestamp' });
  });

  it('refuses a refund notify on the payment endpoint', async () => {
    const delivery = world.gateway.buildRefundNotify('RF20241115000001');
    await expect(channel.parseNotify(asRequest(delivery), clock.now)).rejects.toMatchObject({ code: 'bad_response' });
  });
});

describe('WeChat Pay refund notify', () => {
  it('verifies and decrypts a refund notify', async () => {
    const notice = await channel.parseRefundNotify?.(asRequest(world.gateway.buildRefundNotify('RF20241115000001')), clock.now);
    expect(notice).toMatchObject({
      channel: 'wechatpay',
      outTradeNo: 'NX20241115000002',
      outRefundNo: 'RF20241115000001',
      status: 'succeeded',
      refundFen: 4_000n,
      rawStatus: 'SUCCESS',
    });
  });

  it.each([
    ['bad-signature', 'signature_invalid'],
    ['tampered-body', 'signature_invalid'],
    ['unknown-serial', 'unknown_serial'],
    ['stale-timestamp', 'stale_timestamp'],
    ['bad-ciphertext', 'decrypt_failed'],
  ] as const)('refuses a %s refund notify with %s', async (forgery, code) => {
    const delivery = world.gateway.buildRefundNotify('RF20241115000001', forgery);
    await expect(channel.parseRefundNotify?.(asRequest(delivery), clock.now)).rejects.toMatchObject({ code });
  });
});

describe('WeChat Pay notify replies', () => {
  it('acknowledges with an empty 2xx and asks for a retry with FAIL', () => {
    expect(channel.notifyReply(true)).toMatchObject({ status: 204, body: '' });
    const refused = channel.notifyReply(false);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'FAIL' });
  });
});
