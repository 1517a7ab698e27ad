import { BillingError, type BillingErrorCode } from './errors';
import type { DecimalInput, FenInput, Ratio } from './types';

/**
 * Exact arithmetic for the billing core: decimals become bigint fractions over a power of ten,
 * and money is rounded in exactly one function, roundHalfUpFen.
 */

const POW10: readonly bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

export function pow10(exponent: number): bigint {
  return POW10[exponent] ?? 10n ** BigInt(exponent);
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Reads a decimal exactly as num / 10^scale. A number is read by its shortest round-trip
 * spelling (String(1.02) === "1.02"), which is the decimal the author wrote.
 */
export function parseDecimal(value: DecimalInput, what: string, code: BillingErrorCode = 'INVALID_DECIMAL'): Ratio & { scale: number } {
  if (typeof value === 'bigint') return { num: value, den: 1n, scale: 0 };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new BillingError(code, `${what}: ${value} is not a decimal`);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_RE.exec(text);
  if (!match) throw new BillingError(code, `${what}: "${text}" is not a decimal`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let num = BigInt(whole + fraction);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    num *= pow10(-scale);
    scale = 0;
  }
  if (sign === '-') num = -num;
  return { num, den: pow10(scale), scale };
}

/** A decimal in [min, max] (max null: unbounded), as an exact fraction. */
export function parseRatio(
  value: DecimalInput,
  what: string,
  min: number,
  max: number | null,
  code: BillingErrorCode,
): Ratio {
  const r = parseDecimal(value, what, code);
  if (r.num < BigInt(min) * r.den || (max !== null && r.num > BigInt(max) * r.den)) {
    throw new BillingError(code, `${what}: ${String(value)} is outside [${min}, ${max ?? '∞'}]`);
  }
  return reduceRatio(r.num, r.den);
}

/** A whole, non-negative number of fen. */
export function parseFen(value: FenInput, what: string, code: BillingErrorCode): bigint {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new BillingError(code, `${what}: ${value} is not a whole number of fen`);
    value = BigInt(value);
  }
  if (value < 0n) throw new BillingError(code, `${what}: ${value} is negative`);
  return value;
}

/**
 * An area in hundredths of a square metre. Areas carry at most 2 decimal places, so this is
 * exact; the common spellings ("150", "150.5", "150.00") take a fast path without regex or
 * intermediate bigint arithmetic because it runs on every quote.
 */
export function parseCentiM2(value: DecimalInput, what: string): bigint {
  if (typeof value === 'string') {
    const fast = centiFromPlainString(value);
    if (fast >= 0) return BigInt(fast);
  }
  const r = parseDecimal(value, what, 'INVALID_PROPERTY');
  if (r.num < 0n) throw new BillingError('INVALID_PROPERTY', `${what}: ${String(value)} is negative`);
  if (r.scale > 2 && (r.num * 100n) % r.den !== 0n) {
    throw new BillingError('INVALID_PROPERTY', `${what}: ${String(value)} has more than 2 decimal places`);
  }
  return (r.num * 100n) / r.den;
}

/** Hundredths for "d+", "d+.d" or "d+.dd" (at most 12 characters, so far below 2^53), or -1 to fall back to the full parser. */
function centiFromPlainString(text: string): number {
  const length = text.length;
  if (length === 0 || length > 12) return -1;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0) return -1;
  if (i === length) return whole * 100;
  if (text.charCodeAt(i) !== 46 || length - i - 1 > 2 || length - i - 1 === 0) return -1;
  let fraction = 0;
  for (let j = i + 1; j < length; j++) {
    const c = text.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return -1;
    fraction = fraction * 10 + c;
  }
  return whole * 100 + (length - i - 1 === 1 ? fraction * 10 : fraction);
}

/**
 * THE rounding of Nuanxin money: num/den to the nearest fen, halves away from zero
 * ("half-up" on the non-negative amounts billing produces). Every amount is rounded here,
 * once, at the point docs/billing.md names.
 */
export function roundHalfUpFen(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('roundHalfUpFen: denominator must be positive');
  if (num >= 0n) return (2n * num + den) / (2n * den);
  return -((-2n * num + den) / (2n * den));
}

/** round(fen × ratio) through roundHalfUpFen, skipping the division when the ratio is whole. */
export function fenTimesRatio(fen: bigint, ratio: Ratio): bigint {
  if (ratio.den === 1n) return ratio.num === 1n ? fen : fen * ratio.num;
  return roundHalfUpFen(fen * ratio.num, ratio.den);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function reduceRatio(num: bigint, den: bigint): Ratio {
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}
