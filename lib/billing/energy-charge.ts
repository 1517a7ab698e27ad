import { resolveTariff, type CompiledTariff } from './compile-tariff';
import { BillingError } from './errors';
import { fenTimesRatio, parseCentiM2, parseDecimal, roundHalfUpFen } from './exact';
import type { Property, Tariff } from './types';

/** Which formula set the season charge. */
export type EnergyFormula = 'AREA' | 'METERED' | 'METERED_AREA_CAP' | 'METERED_NO_READING';

/** How a home's principal is built, each amount rounded once (see docs/billing.md). */
export interface ChargeBreakdown {
  /** The season charge of the home as if heated: rule 1 (AREA) or rule 2 (METERED). */
  seasonChargeFen: bigint;
  formula: EnergyFormula;
  /** What 报停 takes off the season charge (0 unless suspended). */
  suspensionCreditFen: bigint;
  /** The energy charge the home pays: the season charge, or round(season charge × suspensionRatio). */
  energyChargeFen: bigint;
  /** 低保补贴: round(energy charge × lowIncomeSubsidyRatio), 0 unless low-income. */
  subsidyFen: bigint;
  /** energy charge − subsidy. */
  principalFen: bigint;
}

export function billingAreaCentiM2(tariff: CompiledTariff, property: Property): bigint {
  return tariff.areaBasis === 'BUILDING'
    ? parseCentiM2(property.buildingAreaM2, 'buildingAreaM2')
    : parseCentiM2(property.usableAreaM2, 'usableAreaM2');
}

/** Rule 1 before rounding: Σ over bands of m² in band × unit price × coefficient, × dynamic coefficient. */
function areaChargeNum(tariff: CompiledTariff, centiM2: bigint): bigint {
  for (const tier of tariff.tiers) {
    if (tier.toCentiM2 === null || centiM2 <= tier.toCentiM2) {
      return tier.belowNum + (centiM2 - tier.fromCentiM2) * tier.factor;
    }
  }
  throw new Error('unreachable: the last area band is open-ended');
}

/** Rule 2: round(area × base fee + GJ × energy price), before the AREA cap. */
function meteredChargeFen(tariff: CompiledTariff, centiM2: bigint, meteredGJ: NonNullable<Property['meteredGJ']>): bigint {
  const gj = parseDecimal(meteredGJ, 'meteredGJ', 'INVALID_PROPERTY');
  if (gj.num < 0n) throw new BillingError('INVALID_PROPERTY', 'meteredGJ: must not be negative');
  const num = centiM2 * tariff.baseFeeFenPerM2 * gj.den + gj.num * tariff.energyFenPerGJ * 100n;
  return roundHalfUpFen(num, 100n * gj.den);
}

export function chargeBreakdown(tariff: Tariff | CompiledTariff, property: Property): ChargeBreakdown {
  const t = resolveTariff(tariff);
  const centiM2 = billingAreaCentiM2(t, property);
  const areaFen = roundHalfUpFen(areaChargeNum(t, centiM2), t.areaDen);
  let seasonChargeFen = areaFen;
  let formula: EnergyFormula = 'AREA';
  if (t.mode === 'METERED') {
    if (property.meteredGJ == null) {
      formula = 'METERED_NO_READING';
    } else {
      const meteredFen = meteredChargeFen(t, centiM2, property.meteredGJ);
      formula = meteredFen > areaFen ? 'METERED_AREA_CAP' : 'METERED';
      if (meteredFen < areaFen) seasonChargeFen = meteredFen;
    }
  }
  const energyChargeFen = property.suspended ? fenTimesRatio(seasonChargeFen, t.suspension) : seasonChargeFen;
  const subsidyFen = property.lowIncome ? fenTimesRatio(energyChargeFen, t.subsidy) : 0n;
  return {
    seasonChargeFen,
    formula,
    suspensionCreditFen: seasonChargeFen - energyChargeFen,
    energyChargeFen,
    subsidyFen,
    principalFen: energyChargeFen - subsidyFen,
  };
}

/**
 * The energy charge (热费) a home pays for the season, in fen: rule 1 or 2, and for a suspended
 * home its suspension share (rule 3). The low-income subsidy is a separate credit, not taken off here.
 */
export function energyCharge(tariff: Tariff | CompiledTariff, property: Property): bigint {
  return chargeBreakdown(tariff, property).energyChargeFen;
}
