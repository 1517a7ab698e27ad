import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUpFen } from '@/lib/billing';
import { parseCentiM2, parseDecimal } from '@/lib/billing/exact';

describe('roundHalfUpFen: the one rounding of money', () => {
  const cases: { num: bigint; den: bigint; fen: bigint }[] = [
    { num: 3752784n, den: 10n, fen: 375278n }, // 375278.4 → 3752.78 元
    { num: 3752785n, den: 10n, fen: 375279n }, // a half rounds up
    { num: 3752786n, den: 10n, fen: 375279n },
    { num: 1n, den: 2n, fen: 1n },
    { num: 49999n, den: 100000n, fen: 0n },
    { num: 0n, den: 7n, fen: 0n },
    { num: -5n, den: 10n, fen: -1n }, // halves go away from zero
    { num: 840000n, den: 121n, fen: 6942n }, // 6942.15 → 69.42 元
  ];
  it.each(cases)('$num / $den → $fen', ({ num, den, fen }) => {
    expect(roundHalfUpFen(num, den)).toBe(fen);
  });

  it('is never more than half a fen away from the exact value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (num, den) => {
        const fen = roundHalfUpFen(num, den);
        const error = 2n * (fen * den - num);
        expect(error <= den && error > -den).toBe(true);
      }),
    );
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfUpFen(1n, 0n)).toThrow(RangeError);
  });
});

describe('parseDecimal', () => {
  const cases: { input: string | number | bigint; num: bigint; den: bigint }[] = [
    { input: '1.02', num: 102n, den: 100n },
    { input: '0.001', num: 1n, den: 1000n },
    { input: '150.00', num: 15000n, den: 100n },
    { input: 1.02, num: 102n, den: 100n },
    { input: 0.1, num: 1n, den: 10n }, // the decimal as written, not the binary approximation
    { input: '-3.5', num: -35n, den: 10n },
    { input: '1.5e2', num: 150n, den: 1n },
    { input: 7n, num: 7n, den: 1n },
  ];
  it.each(cases)('$input', ({ input, num, den }) => {
    const parsed = parseDecimal(input, 'x');
    expect(parsed.num * den).toBe(num * parsed.den);
  });

  it.each(['', '1.', '.5', '1,5', 'NaN', '0x10'])('refuses "%s"', (input) => {
    expect(() => parseDecimal(input, 'x')).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
  });
});

describe('parseCentiM2', () => {
  it('the fast path agrees with the full parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(0, 1, 2), (centi, places) => {
        const whole = Math.floor(centi / 100);
        const fraction = String(centi % 100).padStart(2, '0');
        const text = places === 0 ? String(whole) : `${whole}.${fraction.slice(0, places)}`;
        const expected = places === 1 ? BigInt(whole * 100 + Number(fraction[0]) * 10) : places === 0 ? BigInt(whole * 100) : BigInt(centi);
        expect(parseCentiM2(text, 'area')).toBe(expected);
        expect(parseCentiM2(` ${text}`, 'area')).toBe(expected);
      }),
    );
  });
});
