import type { AreaTier, SubstandardBand, Tariff } from '@/lib/billing';

/**
 * A tariff row as SQL hands it over (decimals and dates as text, see TARIFF_COLUMNS) and its
 * conversion to the billing core's Tariff. Instants are ISO strings with their offset.
 */
export const TARIFF_COLUMNS = `
  t.id, t.utility_id, t.season, t.name, t.first_day::text AS first_day, t.last_day::text AS last_day, t.mode,
  t.area_basis, t.unit_price_fen_per_m2::text AS unit_price, t.area_tiers, t.dynamic_coefficient::text AS dynamic_coefficient,
  t.base_fee_fen_per_m2::text AS base_fee, t.energy_fen_per_gj::text AS energy_price, t.suspension_ratio::text AS suspension_ratio,
  t.early_discount_until, t.early_discount_ratio::text AS early_discount_ratio, t.overdue_from,
  t.overdue_rate_per_day::text AS overdue_rate, t.overdue_cap_ratio::text AS overdue_cap, t.substandard_bands,
  t.low_income_subsidy_ratio::text AS subsidy_ratio`;

export interface TariffRecord {
  id: string;
  utility_id: string;
  season: number;
  name: string;
  first_day: string;
  last_day: string;
  mode: 'AREA' | 'METERED';
  area_basis: 'BUILDING' | 'USABLE';
  unit_price: string;
  area_tiers: AreaTier[];
  dynamic_coefficient: string;
  base_fee: string | null;
  energy_price: string | null;
  suspension_ratio: string;
  early_discount_until: Date | null;
  early_discount_ratio: string | null;
  overdue_from: Date | null;
  overdue_rate: string | null;
  overdue_cap: string | null;
  substandard_bands: SubstandardBand[] | null;
  subsidy_ratio: string | null;
}

export function toTariff(r: TariffRecord): Tariff {
  return {
    season: { firstDay: r.first_day, lastDay: r.last_day },
    mode: r.mode,
    areaBasis: r.area_basis,
    unitPriceFenPerM2: BigInt(r.unit_price),
    areaTiers: r.area_tiers,
    dynamicCoefficient: r.dynamic_coefficient,
    baseFeeFenPerM2: r.base_fee === null ? null : BigInt(r.base_fee),
    energyFenPerGJ: r.energy_price === null ? null : BigInt(r.energy_price),
    suspensionRatio: r.suspension_ratio,
    earlyDiscount:
      r.early_discount_until && r.early_discount_ratio ? { until: r.early_discount_until, ratio: r.early_discount_ratio } : null,
    lateFee:
      r.overdue_from && r.overdue_rate && r.overdue_cap
        ? { dueAt: r.overdue_from, ratePerDay: r.overdue_rate, capRatio: r.overdue_cap }
        : null,
    substandardRefund: r.substandard_bands,
    lowIncomeSubsidyRatio: r.subsidy_ratio,
  };
}
