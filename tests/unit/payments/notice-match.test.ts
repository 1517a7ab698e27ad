import { describe, expect, it } from 'vitest';
import type { PaymentSnapshot } from '@/lib/payments/channel';
import { assertNoticeMatches } from '@/lib/payments/channels/notice-match';

const notice: PaymentSnapshot = {
  channel: 'sandbox-bank',
  outTradeNo: 'NX20241115000601',
  channelTradeNo: 'B1',
  status: 'succeeded',
  amountFen: 24_000n, // 240.00 元
  paidAt: new Date('2024-11-15T09:30:00Z'),
  rawStatus: 'SUCCESS',
};

describe('matching a verified notice to the payment asked for', () => {
  it.each([
    ['the same trade and amount', { outTradeNo: 'NX20241115000601', amountFen: 24_000n }, null],
    ['one fen more asked', { outTradeNo: 'NX20241115000601', amountFen: 24_001n }, 'amount_mismatch'], // 240.01 元
    ['one fen less asked', { outTradeNo: 'NX20241115000601', amountFen: 23_999n }, 'amount_mismatch'], // 239.99 元
    ['another trade', { outTradeNo: 'NX20241115000602', amountFen: 24_000n }, 'trade_mismatch'],
  ] as const)('%s', (_label, expected, code) => {
    if (code === null) expect(() => assertNoticeMatches(notice, expected)).not.toThrow();
    else expect(() => assertNoticeMatches(notice, expected)).toThrow(expect.objectContaining({ code }));
  });

  it('treats a missing amount as a mismatch', () => {
    expect(() =>
      assertNoticeMatches({ ...notice, amountFen: null }, { outTradeNo: 'NX20241115000601', amountFen: 24_000n }),
    ).toThrow(expect.objectContaining({ code: 'amount_mismatch', details: expect.objectContaining({ receivedFen: null }) }));
  });
});
