import { describe, expect, it } from 'vitest';
import { BillingError, chargeBreakdown, compileTariff, energyCharge, type Property, type Tariff } from '@/lib/billing';
import { FLAT, HOME, METERED, TIERED } from './fixtures';

const home = (buildingAreaM2: string): Property => ({ buildingAreaM2, usableAreaM2: '1.00' });

describe('energyCharge: AREA tiers', () => {
  const cases: { area: string; fen: bigint }[] = [
    { area: '0', fen: 0n },
    { area: '0.01', fen: 24n }, // 0.01 × 2400 × 1.02 = 24.48 → 0.24 元
    { area: '89.99', fen: 220296n }, // 215976 × 1.02 = 220295.52 → 2202.96 元
    { area: '90.00', fen: 220320n }, // 216000 × 1.02 → 2203.20 元
    { area: '90.01', fen: 220346n }, // (216000 + 25.2) × 1.02 = 220345.704 → 2203.46 元
    { area: '143.99', fen: 359096n }, // 3590.96 元
    { area: '144', fen: 359122n }, // (216000 + 136080) × 1.02 = 359121.6 → 3591.22 元
    { area: '144.01', fen: 359149n }, // (352080 + 26.4) × 1.02 = 359148.528 → 3591.49 元
    { area: '150.00', fen: 375278n }, // 3752.78 元
  ];
  it.each(cases)('$area m² bills $fen fen', ({ area, fen }) => {
    expect(energyCharge(TIERED, home(area))).toBe(fen);
  });

  it('accepts the same area spelled as a string, a number or with fewer places', () => {
    for (const area of ['150', '150.0', '150.00', 150, '1.5e2']) {
      expect(energyCharge(TIERED, { buildingAreaM2: area, usableAreaM2: 1 })).toBe(375278n); // 3752.78 元
    }
  });

  it('rounds the whole sum once, not each band', () => {
    // Rounding each band would give 220320 + round(138801.6) + round(16156.8) = 375279.
    // 220320 + 138801.6 + 16156.8 = 375278.4 → 3752.78 元
    expect(energyCharge(TIERED, home('150'))).toBe(375278n);
  });
});

describe('energyCharge: area basis', () => {
  it('BUILDING bills 建筑面积 and USABLE bills 使用面积', () => {
    expect(energyCharge(FLAT, HOME)).toBe(240000n); // 100 m² → 2400.00 元
    expect(energyCharge({ ...FLAT, areaBasis: 'USABLE' }, HOME)).toBe(192000n); // 80 m² → 1920.00 元
  });
});

describe('energyCharge: METERED', () => {
  const cases: { name: string; meteredGJ: string | null; fen: bigint; formula: string }[] = [
    // 120000 + 35 × 4445 = 275575 > 240000 → 2400.00 元
    { name: 'capped at the AREA charge', meteredGJ: '35', fen: 240000n, formula: 'METERED_AREA_CAP' },
    // 120000 + 20 × 4445 = 208900 → 2089.00 元
    { name: 'below the cap', meteredGJ: '20', fen: 208900n, formula: 'METERED' },
    // 120000 + 20.123 × 4445 = 209446.735 → 2094.47 元
    { name: 'fractional GJ rounded once', meteredGJ: '20.123', fen: 209447n, formula: 'METERED' },
    // 120000 + 27 × 4445 = 240015, 15 fen above the cap → 2400.00 元
    { name: 'just above the cap', meteredGJ: '27', fen: 240000n, formula: 'METERED_AREA_CAP' },
    // no meter reading → bills by area, 2400.00 元
    { name: 'without a reading', meteredGJ: null, fen: 240000n, formula: 'METERED_NO_READING' },
  ];
  it.each(cases)('$name', ({ meteredGJ, fen, formula }) => {
    const breakdown = chargeBreakdown(METERED, { ...HOME, meteredGJ });
    expect(breakdown.seasonChargeFen).toBe(fen);
    expect(breakdown.formula).toBe(formula);
  });

  it('uses the basis area for both the base fee and the cap', () => {
    const usable: Tariff = { ...METERED, areaBasis: 'USABLE' };
    // 80 × 1200 + 20 × 4445 = 184900 ≤ 80 × 2400 = 192000 → 1849.00 元
    expect(energyCharge(usable, { ...HOME, meteredGJ: '20' })).toBe(184900n);
    // 80 × 1200 + 35 × 4445 = 251575 → capped at 1920.00 元
    expect(energyCharge(usable, { ...HOME, meteredGJ: '35' })).toBe(192000n);
  });

  it('refuses a METERED tariff without its two prices', () => {
    expect(() => compileTariff({ ...FLAT, mode: 'METERED' })).toThrow(BillingError);
  });
});

describe('energyCharge: suspension and subsidy', () => {
  it('suspended + low-income: subsidy is taken on the suspended charge', () => {
    const breakdown = chargeBreakdown(FLAT, { ...HOME, suspended: true, lowIncome: true });
    expect(breakdown).toEqual({
      seasonChargeFen: 240000n, // 2400.00 元
      formula: 'AREA',
      suspensionCreditFen: 192000n, // 1920.00 元 off
      energyChargeFen: 48000n, // 480.00 元
      subsidyFen: 14400n, // 144.00 元
      principalFen: 33600n, // 336.00 元
    });
    expect(energyCharge(FLAT, { ...HOME, suspended: true, lowIncome: true })).toBe(48000n);
  });

  it('rounds the suspension share half-up', () => {
    // 100.01 m² → 240024; × 0.20 = 48004.8 → 480.05 元
    expect(energyCharge(FLAT, { buildingAreaM2: '100.01', usableAreaM2: '1', suspended: true })).toBe(48005n);
  });

  it('a low-income home in a tariff without subsidy gets nothing off', () => {
    const noSubsidy: Tariff = { ...FLAT, lowIncomeSubsidyRatio: null };
    expect(chargeBreakdown(noSubsidy, { ...HOME, lowIncome: true }).principalFen).toBe(240000n); // 2400.00 元
  });
});

describe('energyCharge: property validation', () => {
  const bad: { name: string; property: Property }[] = [
    { name: 'three decimal places', property: { buildingAreaM2: '100.001', usableAreaM2: '1' } },
    { name: 'negative area', property: { buildingAreaM2: '-1', usableAreaM2: '1' } },
    { name: 'not a number', property: { buildingAreaM2: 'abc', usableAreaM2: '1' } },
    { name: 'negative GJ', property: { ...HOME, meteredGJ: '-1' } },
  ];
  it.each(bad)('refuses $name', ({ property }) => {
    const tariff = property.meteredGJ ? METERED : FLAT;
    expect(() => energyCharge(tariff, property)).toThrow(expect.objectContaining({ code: 'INVALID_PROPERTY' }));
  });

  it('accepts trailing zeros beyond two places', () => {
    expect(energyCharge(FLAT, { buildingAreaM2: '100.000', usableAreaM2: '1' })).toBe(240000n); // 2400.00 元
  });
});
