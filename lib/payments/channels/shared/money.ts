import { ChannelError } from '@/lib/payments/channel';

const YUAN_PATTERN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

// Alipay speaks yuan with two decimals; the conversion stays in integers so 0.29 元 is 29 fen.
export function fenToYuan(fen: bigint): string {
  if (fen < 0n) throw new ChannelError('invalid_request', 'An amount cannot be negative');
  const cents = (fen % 100n).toString().padStart(2, '0');
  return `${fen / 100n}.${cents}`;
}

export function yuanToFen(yuan: string): bigint {
  const match = YUAN_PATTERN.exec(yuan);
  if (match === null) throw new ChannelError('bad_response', `Not an amount in yuan: ${yuan}`);
  const whole = BigInt(match[1] ?? '0');
  const fraction = BigInt((match[2] ?? '').padEnd(2, '0'));
  return whole * 100n + fraction;
}

// WeChat Pay amounts are JSON integers; anything beyond a safe integer would lose fen.
export function fenToJsonNumber(fen: bigint): number {
  if (fen <= 0n || fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ChannelError('invalid_request', `Amount out of range: ${fen} fen`);
  }
  return Number(fen);
}

export function jsonNumberToFen(value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ChannelError('bad_response', `Not an amount in fen: ${value}`);
  }
  return BigInt(value);
}

export function assertPositiveFen(fen: bigint, what: string): void {
  if (fen <= 0n) throw new ChannelError('invalid_request', `${what} must be at least 1 fen`);
}
