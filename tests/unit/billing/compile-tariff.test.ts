import { describe, expect, it } from 'vitest';
import { BillingError, compileTariff, energyCharge, isCompiledTariff, type Tariff } from '@/lib/billing';
import { FLAT, HOME, TIERED } from './fixtures';

describe('compileTariff', () => {
  it('turns decimals into exact integers once', () => {
    const compiled = compileTariff(TIERED);
    expect(isCompiledTariff(compiled)).toBe(true);
    expect(isCompiledTariff(TIERED)).toBe(false);
    expect(compiled.seasonDays).toBe(121n);
    expect(compiled.tiers.map((t) => t.toCentiM2)).toEqual([9000n, 14400n, null]);
    expect(compiled.lateFee?.cap).toEqual({ num: 1n, den: 1n });
    expect(compiled.suspension).toEqual({ num: 1n, den: 5n });
  });

  it('lets bands be listed with coefficients of different precision', () => {
    const mixed: Tariff = { ...TIERED, areaTiers: [{ upToM2: '90', coefficient: '1' }, { upToM2: null, coefficient: '1.125' }] };
    // (90 × 2400 + 10 × 2700) × 1.02 = 247860 → 2478.60 元
    expect(energyCharge(mixed, HOME)).toBe(247860n);
  });

  const bad: { name: string; tariff: Tariff }[] = [
    { name: 'no bands', tariff: { ...FLAT, areaTiers: [] } },
    { name: 'a closed last band', tariff: { ...FLAT, areaTiers: [{ upToM2: '90', coefficient: '1' }] } },
    { name: 'an open middle band', tariff: { ...FLAT, areaTiers: [{ upToM2: null, coefficient: '1' }, { upToM2: null, coefficient: '1.1' }] } },
    {
      name: 'decreasing bounds',
      tariff: { ...FLAT, areaTiers: [{ upToM2: '144', coefficient: '1' }, { upToM2: '90', coefficient: '1.05' }, { upToM2: null, coefficient: '1.1' }] },
    },
    { name: 'a zero coefficient', tariff: { ...FLAT, areaTiers: [{ upToM2: null, coefficient: '0' }] } },
    { name: 'a zero dynamic coefficient', tariff: { ...FLAT, dynamicCoefficient: '0' } },
    { name: 'a fractional unit price', tariff: { ...FLAT, unitPriceFenPerM2: 24.5 } },
    { name: 'a negative unit price', tariff: { ...FLAT, unitPriceFenPerM2: -1 } },
    { name: 'a suspension ratio above 1', tariff: { ...FLAT, suspensionRatio: '1.2' } },
    { name: 'a negative subsidy', tariff: { ...FLAT, lowIncomeSubsidyRatio: '-0.1' } },
    { name: 'a due instant without offset', tariff: { ...FLAT, lateFee: { dueAt: '2027-01-01T00:00:00', ratePerDay: '0.001', capRatio: '1' } } },
    { name: 'an unknown mode', tariff: { ...FLAT, mode: 'FLAT' as Tariff['mode'] } },
    { name: 'an unknown area basis', tariff: { ...FLAT, areaBasis: 'FLOOR' as Tariff['areaBasis'] } },
    {
      name: 'a gap between temperature bands',
      tariff: { ...FLAT, substandardRefund: [{ lowerC: null, upperC: '14', share: '1' }, { lowerC: '16', upperC: null, share: '0' }] },
    },
    { name: 'a share above 1', tariff: { ...FLAT, substandardRefund: [{ lowerC: null, upperC: null, share: '1.5' }] } },
    { name: 'a band without an open warm end', tariff: { ...FLAT, substandardRefund: [{ lowerC: null, upperC: '18', share: '1' }] } },
  ];
  it.each(bad)('refuses $name', ({ tariff }) => {
    expect(() => compileTariff(tariff)).toThrow(BillingError);
    expect(() => compileTariff(tariff)).toThrow(expect.objectContaining({ code: 'INVALID_TARIFF' }));
  });
});
