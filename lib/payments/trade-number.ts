import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * out_trade_no: "NX" + Shanghai yyyyMMddHHmmss + 12 random characters = 28 letters and digits,
 * inside every channel's 6–32 limit. Readable on a phone call (no 0/O, 1/I), and the time
 * prefix lets staff place a number in a day at a glance.
 */
export function newOutTradeNo(now: Date): string {
  const stamp = new Date(now.getTime() + OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
  let tail = '';
  for (let i = 0; i < 12; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `NX${stamp}${tail}`;
}

/** 收据号: SJ + Shanghai date paid + the payment's serial; unique, increasing, not gap-free. */
export function receiptNumber(paidAt: Date, seq: bigint): string {
  const day = new Date(paidAt.getTime() + OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
  return `SJ${day}${seq.toString().padStart(8, '0')}`;
}
