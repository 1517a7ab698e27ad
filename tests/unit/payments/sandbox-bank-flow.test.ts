import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyRequest, PaymentChannel } from '@/lib/payments/channel';
import { assertNoticeMatches } from '@/lib/payments/channels/notice-match';
import { createSandboxBankChannel } from '@/lib/payments/channels/sandbox-bank/channel';
import { sandboxBankConfigSchema } from '@/lib/payments/channels/sandbox-bank/config';
import { fixedClock, memoryReplayGuard, startSandboxBankWorld, type SandboxBankWorld } from '@/tests/support/gateways/fixtures';
import type { Delivery } from '@/tests/support/gateways/http-server';
import { startNotifyEndpoint, type NotifyEndpoint } from '@/tests/support/gateways/notify-endpoint';

const clock = fixedClock();
let world: SandboxBankWorld;
let channel: PaymentChannel;
let endpoint: NotifyEndpoint;
const OUT_TRADE_NO = 'NX20241115000501';

const asRequest = (delivery: Delivery): NotifyRequest => ({ headers: new Headers(delivery.headers), body: delivery.body });

beforeAll(async () => {
  endpoint = await startNotifyEndpoint(() => channel, clock.read);
  world = await startSandboxBankWorld(clock, { notifyUrl: endpoint.paymentUrl, refundNotifyUrl: endpoint.refundUrl });
  channel = createSandboxBankChannel(world.config, { replayGuard: memoryReplayGuard() });
});

afterAll(async () => {
  await Promise.all([world.gateway.close(), endpoint.close()]);
});

describe('sandbox bank end to end', () => {
  it('pays on the hosted page, is notified, queries, refunds and is notified of the refund', async () => {
    const created = await channel.createPayment({
      outTradeNo: OUT_TRADE_NO,
      amountFen: 24_000n, // 240.00 元
      description: '暖心 采暖费',
      expiresAt: new Date(clock.now.getTime() + 30 * 60_000),
      now: clock.now,
      returnUrl: 'https://nuanxin.test/pay/result/NX20241115000501',
    });
    if (created.launch.kind !== 'hosted') throw new Error('expected a hosted page');
    expect(created.launch.url).toBe(`${world.gateway.url}/pay/${created.channelTradeNo}`);
    expect((await fetch(created.launch.url)).status).toBe(200);
    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({ status: 'pending', paidAt: null });

    world.gateway.pay(OUT_TRADE_NO);
    expect(await world.gateway.notifyPayment(OUT_TRADE_NO)).toEqual({ status: 200, body: 'OK' });
    const [notice] = endpoint.payments;
    if (notice === undefined) throw new Error('no notice');
    assertNoticeMatches(notice, { outTradeNo: OUT_TRADE_NO, amountFen: 24_000n });
    expect(notice).toMatchObject({ status: 'succeeded', channelTradeNo: created.channelTradeNo, paidAt: clock.now });

    expect(await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).toMatchObject({
      status: 'succeeded',
      amountFen: 24_000n,
    });

    const refund = await channel.refund({
      outTradeNo: OUT_TRADE_NO,
      outRefundNo: 'RF20241115000501',
      refundFen: 8_000n, // 80.00 元
      totalFen: 24_000n,
      reason: '停暖补偿',
      now: clock.now,
    });
    expect(refund).toMatchObject({ status: 'processing', refundFen: 8_000n });
    world.gateway.settleRefund('RF20241115000501');
    expect(await world.gateway.notifyRefund('RF20241115000501')).toEqual({ status: 200, body: 'OK' });
    expect(endpoint.refunds[0]).toMatchObject({ outRefundNo: 'RF20241115000501', status: 'succeeded', refundFen: 8_000n });
    expect(
      await channel.queryRefund({ outTradeNo: OUT_TRADE_NO, outRefundNo: 'RF20241115000501', now: clock.now }),
    ).toMatchObject({ status: 'succeeded', channelRefundNo: refund.channelRefundNo });
    expect(world.gateway.rejectedRequests).toEqual([]);
  });

  it('passes on the bank refusing a refund beyond what was paid', async () => {
    await expect(
      channel.refund({
        outTradeNo: OUT_TRADE_NO,
        outRefundNo: 'RF20241115000502',
        refundFen: 16_001n, // 160.01 元, one fen more than remains
        totalFen: 24_000n,
        reason: '',
        now: clock.now,
      }),
    ).rejects.toMatchObject({ code: 'gateway_error', details: { bankCode: 'REFUND_EXCEEDS' } });
  });

  it('reports an unknown trade as not_found', async () => {
    await expect(channel.queryPayment({ outTradeNo: 'NX-NEVER', now: clock.now })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('sandbox bank notifies', () => {
  it.each([
    ['bad-signature', 'signature_invalid'],
    ['tampered-body', 'signature_invalid'],
    ['stale-timestamp', 'stale_timestamp'],
    ['wrong-merchant', 'merchant_mismatch'],
  ] as const)('refuses a %s notify with %s', async (forgery, code) => {
    const fresh = createSandboxBankChannel(world.config, { replayGuard: memoryReplayGuard() });
    await expect(fresh.parseNotify(asRequest(world.gateway.buildPaymentNotify(OUT_TRADE_NO, forgery)), clock.now)).rejects.toMatchObject({
      code,
    });
    await expect(
      fresh.parseRefundNotify?.(asRequest(world.gateway.buildRefundNotify('RF20241115000501', forgery)), clock.now),
    ).rejects.toMatchObject({ code });
  });

  it('flags a signed notify for a different amount', async () => {
    const notice = await channel.parseNotify(asRequest(world.gateway.buildPaymentNotify(OUT_TRADE_NO, 'wrong-amount')), clock.now);
    expect(() => assertNoticeMatches(notice, { outTradeNo: OUT_TRADE_NO, amountFen: 24_000n })).toThrow(
      expect.objectContaining({ code: 'amount_mismatch' }),
    );
  });

  it('refuses a replayed notify, over HTTP too', async () => {
    const delivery = world.gateway.buildPaymentNotify(OUT_TRADE_NO);
    expect(await world.gateway.send(endpoint.paymentUrl, delivery)).toEqual({ status: 200, body: 'OK' });
    expect(await world.gateway.send(endpoint.paymentUrl, delivery)).toEqual({ status: 400, body: 'RETRY' });
    expect(endpoint.refused.at(-1)?.code).toBe('replayed');
  });

  it('refuses a payment notify on the refund endpoint', async () => {
    await expect(
      channel.parseRefundNotify?.(asRequest(world.gateway.buildPaymentNotify(OUT_TRADE_NO)), clock.now),
    ).rejects.toMatchObject({ code: 'bad_response' });
  });
});

describe('sandbox bank requests', () => {
  it('is refused by the bank when signing with the wrong secret', async () => {
    const impostor = createSandboxBankChannel(
      sandboxBankConfigSchema.parse({ ...world.config, secret: 'x'.repeat(40) }),
      { replayGuard: memoryReplayGuard() },
    );
    await expect(impostor.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
      code: 'gateway_error',
      details: { status: 401 },
    });
    expect(world.gateway.rejectedRequests.at(-1)).toBe('signature_invalid');
  });

  it('is refused by the bank when it reuses a nonce', async () => {
    const stuck = createSandboxBankChannel(world.config, { replayGuard: memoryReplayGuard(), nonce: () => 'SAMENONCE0000001' });
    await stuck.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now });
    await expect(stuck.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
      code: 'gateway_error',
      details: { bankCode: 'REPLAYED' },
    });
  });

  it('refuses a genuine reply that answers an earlier request', async () => {
    await channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now });
    world.gateway.replayPreviousReply = true;
    try {
      await expect(channel.queryPayment({ outTradeNo: OUT_TRADE_NO, now: clock.now })).rejects.toMatchObject({
        code: 'replayed',
      });
    } finally {
      world.gateway.replayPreviousReply = false;
    }
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(sandboxBankConfigSchema.safeParse({ ...world.config, secret: 'short' }).success).toBe(false);
  });
});
