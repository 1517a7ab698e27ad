import { BillingError } from './errors';
import { parseDecimal, pow10 } from './exact';
import type { DecimalInput, Ratio, SubstandardBand } from './types';

/** The usual rule: 18 °C and above is up to standard; colder days refund a growing share. */
export const DEFAULT_SUBSTANDARD_BANDS: readonly SubstandardBand[] = [
  { lowerC: '18', upperC: null, share: '0' },
  { lowerC: '16', upperC: '18', share: '0.20' },
  { lowerC: '14', upperC: '16', share: '0.50' },
  { lowerC: null, upperC: '14', share: '1.00' },
];

export interface CompiledBand {
  /** Temperatures compare as doubles: see temperatureValue for why that is exact here. */
  readonly lowerC: number;
  readonly upperC: number;
  readonly shareNum: bigint;
}

export interface CompiledBands {
  /** Sorted from coldest to warmest, contiguous, covering every temperature. */
  readonly bands: readonly CompiledBand[];
  readonly shareDen: bigint;
}

function invalid(message: string): BillingError {
  return new BillingError('INVALID_TARIFF', message);
}

/**
 * A temperature as a double. Both sides of every comparison are decimals of at most 15
 * significant digits read with correct rounding, and such decimals map to doubles in the same
 * order and with the same equalities, so band membership is decided exactly.
 */
export function temperatureValue(value: DecimalInput, what: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BillingError('INVALID_SUBSTANDARD_DAY', `${what}: not a temperature`);
    return value;
  }
  const parsed = parseDecimal(value, what, 'INVALID_SUBSTANDARD_DAY');
  return Number(parsed.num) / Number(parsed.den);
}

function sameValue(a: Ratio, b: Ratio): boolean {
  return a.num * b.den === b.num * a.den;
}

export function compileSubstandardBands(input: readonly SubstandardBand[] | null): CompiledBands {
  const source = input ?? DEFAULT_SUBSTANDARD_BANDS;
  if (source.length === 0) throw invalid('substandardRefund: at least one band is needed');
  const parsed = source.map((band, i) => ({
    lower: band.lowerC === null ? null : parseDecimal(band.lowerC, `substandardRefund[${i}].lowerC`, 'INVALID_TARIFF'),
    upper: band.upperC === null ? null : parseDecimal(band.upperC, `substandardRefund[${i}].upperC`, 'INVALID_TARIFF'),
    share: parseDecimal(band.share, `substandardRefund[${i}].share`, 'INVALID_TARIFF'),
  }));
  for (const [i, band] of parsed.entries()) {
    if (band.share.num < 0n || band.share.num > band.share.den) throw invalid(`substandardRefund[${i}].share: must be within [0, 1]`);
    if (band.lower && band.upper && band.lower.num * band.upper.den >= band.upper.num * band.lower.den) {
      throw invalid(`substandardRefund[${i}]: lowerC must be below upperC`);
    }
  }
  const sorted = [...parsed].sort((a, b) => {
    if (a.lower === null) return -1;
    if (b.lower === null) return 1;
    const diff = a.lower.num * b.lower.den - b.lower.num * a.lower.den;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  });
  if (sorted[0]?.lower !== null) throw invalid('substandardRefund: the coldest band must have no lower bound');
  if (sorted[sorted.length - 1]?.upper !== null) throw invalid('substandardRefund: the warmest band must have no upper bound');
  for (let i = 1; i < sorted.length; i++) {
    const below = sorted[i - 1]?.upper;
    const lower = sorted[i]?.lower;
    if (!below || !lower || !sameValue(below, lower)) throw invalid('substandardRefund: bands must meet without gaps or overlaps');
  }
  const scale = Math.max(...sorted.map((band) => band.share.scale));
  return {
    bands: sorted.map((band) => ({
      lowerC: band.lower === null ? Number.NEGATIVE_INFINITY : Number(band.lower.num) / Number(band.lower.den),
      upperC: band.upper === null ? Number.POSITIVE_INFINITY : Number(band.upper.num) / Number(band.upper.den),
      shareNum: band.share.num * pow10(scale - band.share.scale),
    })),
    shareDen: pow10(scale),
  };
}
