import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyRequest, PaymentChannel } from '@/lib/payments/channel';
import { createAlipayChannel } from '@/lib/payments/channels/alipay/channel';
import { assertNoticeMatches } from '@/lib/payments/channels/notice-match';
import { fixedClock, startAlipayWorld, type AlipayWorld } from '@/tests/support/gateways/fixtures';
import type { Delivery } from '@/tests/support/gateways/http-server';

const clock = fixedClock();
let world: AlipayWorld;
let channel: PaymentChannel;
const OUT_TRADE_NO = 'NX20241115000201';

const asRequest = (delivery: Delivery): NotifyRequest => ({ headers: new Headers(delivery.headers), body: delivery.body });

beforeAll(async () => {
  world = await startAlipayWorld(clock);
  channel = createAlipayChannel(world.config);
  const created = await channel.createPayment({
    outTradeNo: OUT_TRADE_NO,
    amountFen: 24_050n, // 240.50 元
    description: '暖心 采暖费',
    expiresAt: new Date(clock.now.getTime() + 30 * 60_000),
    now: clock.now,
  });
  if (created.launch.kind !== 'redirect') throw new Error('expected a redirect');
  await fetch(created.launch.url); // the resident's browser opens the cashier
  world.gateway.pay(OUT_TRADE_NO);
});

afterAll(async () => {
  await world.gateway.close();
});

describe('Alipay asynchronous notify', () => {
  it('verifies a genuine notify and reads its amount in fen', async () => {
    const notice = await channel.parseNotify(asRequest(world.gateway.buildNotify(OUT_TRADE_NO)), clock.now);
    expect(notice).toMatchObject({
      channel: 'alipay',
      outTradeNo: OUT_TRADE_NO,
      status: 'succeeded',
      amountFen: 24_050n,
      rawStatus: 'TRADE_SUCCESS',
    });
    expect(notice.paidAt?.toISOString()).toBe(clock.now.toISOString());
    expect(notice.notifyId).toMatch(/^\w{32}$/);
    expect(() => assertNoticeMatches(notice, { outTradeNo: OUT_TRADE_NO, amountFen: 24_050n })).not.toThrow();
  });

  it.each([
    ['bad-signature', 'signature_invalid'],
    ['tampered-body', 'signature_invalid'],
    ['rsa1', 'signature_invalid'],
    ['wrong-app', 'app_mismatch'],
  ] as const)('refuses a %s notify with %s', async (forgery, code) => {
    await expect(channel.parseNotify(asRequest(world.gateway.buildNotify(OUT_TRADE_NO, forgery)), clock.now)).rejects.toMatchObject({
      code,
    });
  });

  it('lets a signed notify for a different amount through to be flagged', async () => {
    const notice = await channel.parseNotify(asRequest(world.gateway.buildNotify(OUT_TRADE_NO, 'wrong-amount')), clock.now);
    expect(notice.amountFen).toBe(24_049n);
    expect(() => assertNoticeMatches(notice, { outTradeNo: OUT_TRADE_NO, amountFen: 24_050n })).toThrow(
      expect.objectContaining({ code: 'amount_mismatch', details: expect.objectContaining({ receivedFen: '24049' }) }),
    );
  });

  it('refuses a notify for another trade than the one the caller looked up', async () => {
    const notice = await channel.parseNotify(asRequest(world.gateway.buildNotify(OUT_TRADE_NO)), clock.now);
    expect(() => assertNoticeMatches(notice, { outTradeNo: 'NX-OTHER', amountFen: 24_050n })).toThrow(
      expect.objectContaining({ code: 'trade_mismatch' }),
    );
  });

  it('refuses a notify for another seller', async () => {
    const strict = createAlipayChannel({ ...world.config, sellerId: '2088000000000001' });
    await expect(strict.parseNotify(asRequest(world.gateway.buildNotify(OUT_TRADE_NO)), clock.now)).rejects.toMatchObject({
      code: 'merchant_mismatch',
    });
  });

  it('refuses an empty or unsigned body', async () => {
    await expect(channel.parseNotify({ headers: new Headers(), body: '' }, clock.now)).rejects.toMatchObject({
      code: 'signature_invalid',
    });
    const unsigned = new URLSearchParams(world.gateway.buildNotify(OUT_TRADE_NO).body);
    unsigned.delete('sign');
    await expect(channel.parseNotify({ headers: new Headers(), body: unsigned.toString() }, clock.now)).rejects.toMatchObject({
      code: 'signature_invalid',
    });
  });

  it('answers the literal success, and anything else to be retried', () => {
    expect(channel.notifyReply(true)).toMatchObject({ status: 200, body: 'success' });
    expect(channel.notifyReply(false).body).not.toBe('success');
  });
});
