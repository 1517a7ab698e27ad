import type { Tariff } from '@/lib/billing';
import { compileTariff } from '@/lib/billing';
import { pool } from '@/lib/db/client';

/**
 * Stores a utility's tariff for a season (seed, import, or staff). The tariff is compiled first,
 * so one the billing core would refuse never reaches the database. Idempotent per season.
 */
export async function saveTariff(utilityId: string, season: number, name: string, t: Tariff): Promise<string> {
  compileTariff(t);
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO tariff (utility_id, season, name, first_day, last_day, mode, area_basis, unit_price_fen_per_m2, area_tiers,
       dynamic_coefficient, base_fee_fen_per_m2, energy_fen_per_gj, suspension_ratio, early_discount_until, early_discount_ratio,
       overdue_from, overdue_rate_per_day, overdue_cap_ratio, substandard_bands, low_income_subsidy_ratio)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)
     ON CONFLICT (utility_id, season) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [
      utilityId,
      season,
      name,
      t.season.firstDay,
      t.season.lastDay,
      t.mode,
      t.areaBasis,
      String(t.unitPriceFenPerM2),
      JSON.stringify(t.areaTiers),
      String(t.dynamicCoefficient),
      t.baseFeeFenPerM2 == null ? null : String(t.baseFeeFenPerM2),
      t.energyFenPerGJ == null ? null : String(t.energyFenPerGJ),
      String(t.suspensionRatio),
      t.earlyDiscount ? new Date(t.earlyDiscount.until) : null,
      t.earlyDiscount ? String(t.earlyDiscount.ratio) : null,
      t.lateFee ? new Date(t.lateFee.dueAt) : null,
      t.lateFee ? String(t.lateFee.ratePerDay) : null,
      t.lateFee ? String(t.lateFee.capRatio) : null,
      t.substandardRefund ? JSON.stringify(t.substandardRefund) : null,
      t.lowIncomeSubsidyRatio == null ? null : String(t.lowIncomeSubsidyRatio),
    ],
  );
  return rows[0]!.id;
}
