import { describe, expect, it } from 'vitest';
import { compileTariff, energyCharge, quoteBill, type Property } from '@/lib/billing';
import { EXAMPLE_TARIFFS, HARBIN_LIKE_TARIFF, JINAN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { sh } from './fixtures';

describe('example tariffs for the seed', () => {
  it.each(EXAMPLE_TARIFFS)('$key compiles for the 2026 season of 121 days', ({ tariff, seasonYear }) => {
    expect(seasonYear).toBe(2026);
    expect(tariff.season).toEqual({ firstDay: '2026-11-15', lastDay: '2027-03-15' });
    expect(compileTariff(tariff).seasonDays).toBe(121n);
  });

  it('keys are unique', () => {
    expect(new Set(EXAMPLE_TARIFFS.map((e) => e.key)).size).toBe(EXAMPLE_TARIFFS.length);
  });

  const harbin: { area: string; fen: bigint }[] = [
    { area: '60.00', fen: 254592n }, // 60 × 4160 × 1.02 → 2545.92 元
    { area: '100.00', fen: 426442n }, // (374400 + 10 × 4368) × 1.02 = 426441.6 → 4264.42 元
    { area: '150.00', fen: 650483n }, // (374400 + 235872 + 27456) × 1.02 = 650482.56 → 6504.83 元
  ];
  it.each(harbin)('Harbin-like: $area m² building area bills $fen fen', ({ area, fen }) => {
    expect(energyCharge(HARBIN_LIKE_TARIFF, { buildingAreaM2: area, usableAreaM2: '1' })).toBe(fen);
  });

  it('Jinan-like bills usable area, metered and capped at its area price', () => {
    const flat: Property = { buildingAreaM2: '100.00', usableAreaM2: '80.00' };
    // 80 × 1200 + 20 × 4445 = 184900 → 1849.00 元
    expect(energyCharge(JINAN_LIKE_TARIFF, { ...flat, meteredGJ: '20' })).toBe(184900n);
    // 80 × 1200 + 30 × 4445 = 229350 > 80 × 2670 = 213600 → 2136.00 元
    expect(energyCharge(JINAN_LIKE_TARIFF, { ...flat, meteredGJ: '30' })).toBe(213600n);
  });

  it('Jinan-like late fee: 0.05% a day from 2026-12-15, capped at half the principal', () => {
    const flat: Property = { buildingAreaM2: '100.00', usableAreaM2: '80.00', meteredGJ: '20' };
    // 184900 × 0.0005 × 10 days = 924.5 → 9.25 元
    expect(quoteBill(JINAN_LIKE_TARIFF, flat, [], sh('2026-12-25 00:00:00')).lateFeeFen).toBe(925n);
    // cap 0.50 × 1849.00 = 924.50 元 after 1000 days
    expect(quoteBill(JINAN_LIKE_TARIFF, flat, [], sh('2030-01-01 00:00:00')).lateFeeFen).toBe(92450n);
  });
});
