import { ChannelError, type PaymentSnapshot } from '@/lib/payments/channel';

export interface ExpectedPayment {
  outTradeNo: string;
  amountFen: bigint;
}

// A verified notice (or query answer) still has to be about the payment we asked for, for
// the amount we asked: a different amount is flagged by the caller, never credited.
export function assertNoticeMatches(notice: PaymentSnapshot, expected: ExpectedPayment): void {
  if (notice.outTradeNo !== expected.outTradeNo) {
    throw new ChannelError('trade_mismatch', 'The notice is for another trade', {
      expected: expected.outTradeNo,
      received: notice.outTradeNo,
    });
  }
  if (notice.amountFen !== expected.amountFen) {
    throw new ChannelError('amount_mismatch', 'The notice amount differs from the amount asked', {
      outTradeNo: expected.outTradeNo,
      expectedFen: expected.amountFen.toString(),
      receivedFen: notice.amountFen?.toString() ?? null,
    });
  }
}
