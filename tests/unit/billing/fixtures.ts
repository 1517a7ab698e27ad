import type { Property, Tariff } from '@/lib/billing';

/** The flat tariff (examples 2–8): 24 元/㎡, one band, coefficient 1, season 2026. */
export const FLAT: Tariff = {
  season: { firstDay: '2026-11-15', lastDay: '2027-03-15' },
  mode: 'AREA',
  areaBasis: 'BUILDING',
  unitPriceFenPerM2: 2400,
  areaTiers: [{ upToM2: null, coefficient: '1.00' }],
  dynamicCoefficient: '1.00',
  suspensionRatio: '0.20',
  earlyDiscount: { until: '2026-11-01T00:00:00+08:00', ratio: '0.015' },
  lateFee: { dueAt: '2027-01-01T00:00:00+08:00', ratePerDay: '0.001', capRatio: '1.0' },
  lowIncomeSubsidyRatio: '0.30',
};

/** Example 1: the 90 / 144 m² 阶梯 with a 1.02 dynamic coefficient. */
export const TIERED: Tariff = {
  ...FLAT,
  areaTiers: [
    { upToM2: '90', coefficient: '1.00' },
    { upToM2: '144', coefficient: '1.05' },
    { upToM2: null, coefficient: '1.10' },
  ],
  dynamicCoefficient: '1.02',
};

/** Example 2: two-part pricing capped at the flat area charge. */
export const METERED: Tariff = {
  ...FLAT,
  mode: 'METERED',
  baseFeeFenPerM2: 1200,
  energyFenPerGJ: 4445,
};

/** A 100 m² home (80 m² usable), not suspended, not low-income. */
export const HOME: Property = { buildingAreaM2: '100.00', usableAreaM2: '80.00' };

/** An instant written as Shanghai wall-clock time, 'YYYY-MM-DD HH:MM:SS'. */
export function sh(wallClock: string): Date {
  return new Date(`${wallClock.replace(' ', 'T')}+08:00`);
}
