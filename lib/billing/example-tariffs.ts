import type { Tariff } from './types';

/**
 * Two realistic tariffs for heating season 2026 (2026-11-15 .. 2027-03-15, 121 days), as plain
 * data for the seed to load into the database. Figures are modelled on published northern-city
 * price lists but belong to no real utility.
 */

/** Area-based, on building area, with 阶梯 bands and a 1.02 动态调整系数 (Harbin-like). */
export const HARBIN_LIKE_TARIFF: Tariff = {
  season: { firstDay: '2026-11-15', lastDay: '2027-03-15' },
  mode: 'AREA',
  areaBasis: 'BUILDING',
  unitPriceFenPerM2: 4160,
  areaTiers: [
    { upToM2: '90.00', coefficient: '1.00' },
    { upToM2: '144.00', coefficient: '1.05' },
    { upToM2: null, coefficient: '1.10' },
  ],
  dynamicCoefficient: '1.02',
  suspensionRatio: '0.30',
  earlyDiscount: { until: '2026-11-01T00:00:00+08:00', ratio: '0.015' },
  lateFee: { dueAt: '2027-01-01T00:00:00+08:00', ratePerDay: '0.001', capRatio: '1.00' },
  substandardRefund: [
    { lowerC: '18', upperC: null, share: '0' },
    { lowerC: '16', upperC: '18', share: '0.20' },
    { lowerC: '14', upperC: '16', share: '0.50' },
    { lowerC: null, upperC: '14', share: '1.00' },
  ],
  lowIncomeSubsidyRatio: '0.30',
};

/**
 * Two-part metered pricing on usable area (Jinan-like): 基本热费 per m² plus 计量热费 per GJ,
 * never more than the area price of the same home.
 */
export const JINAN_LIKE_TARIFF: Tariff = {
  season: { firstDay: '2026-11-15', lastDay: '2027-03-15' },
  mode: 'METERED',
  areaBasis: 'USABLE',
  unitPriceFenPerM2: 2670,
  areaTiers: [{ upToM2: null, coefficient: '1.00' }],
  dynamicCoefficient: '1.00',
  baseFeeFenPerM2: 1200,
  energyFenPerGJ: 4445,
  suspensionRatio: '0.20',
  earlyDiscount: { until: '2026-11-10T00:00:00+08:00', ratio: '0.01' },
  lateFee: { dueAt: '2026-12-15T00:00:00+08:00', ratePerDay: '0.0005', capRatio: '0.50' },
  substandardRefund: [
    { lowerC: '18', upperC: null, share: '0' },
    { lowerC: '16', upperC: '18', share: '0.20' },
    { lowerC: '14', upperC: '16', share: '0.50' },
    { lowerC: null, upperC: '14', share: '1.00' },
  ],
  lowIncomeSubsidyRatio: '0.50',
};

export interface ExampleTariff {
  /** Stable key for idempotent seeding. */
  key: string;
  /** Heating season named by the year it starts in. */
  seasonYear: number;
  name: string;
  tariff: Tariff;
}

export const EXAMPLE_TARIFFS: readonly ExampleTariff[] = [
  { key: 'harbin-like-2026', seasonYear: 2026, name: '冰城热力 2026 供暖季面积计费', tariff: HARBIN_LIKE_TARIFF },
  { key: 'jinan-like-2026', seasonYear: 2026, name: '泉城热力 2026 供暖季两部制计量', tariff: JINAN_LIKE_TARIFF },
];
