import Decimal from 'decimal.js';
import { chargeBreakdown, type BillLineCode, type Property, type Tariff } from '@/lib/billing';
import { formatYuan } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { fill } from '@/lib/i18n';
import type { BillMessages } from '@/lib/i18n/bills';

/**
 * Plain-words explanations of a bill's lines, for display only: every amount on the bill comes
 * from the billing core; this only restates the rule with the tariff's own numbers.
 */
const percent = (ratio: Decimal.Value) => `${new Decimal(ratio).times(100).toDecimalPlaces(4).toString()}%`;
const perMille = (ratio: Decimal.Value) => `${new Decimal(ratio).times(1000).toDecimalPlaces(4).toString()}‰`;
const yuanPerUnit = (fen: bigint | number) => formatYuan(BigInt(fen));

function bands(t: Tariff, area: Decimal, m: BillMessages): string {
  const parts: string[] = [];
  let from = new Decimal(0);
  for (const tier of t.areaTiers) {
    if (area.lte(from)) break;
    const to = tier.upToM2 === null ? area : Decimal.min(area, new Decimal(tier.upToM2));
    parts.push(fill(m.band, { m2: to.minus(from).toFixed(2), price: yuanPerUnit(t.unitPriceFenPerM2), k: new Decimal(tier.coefficient).toString() }));
    from = to;
  }
  return parts.join(' + ');
}

export function explainLines(t: Tariff, p: Property, m: BillMessages): Partial<Record<BillLineCode, string>> {
  const area = new Decimal(t.areaBasis === 'BUILDING' ? p.buildingAreaM2 : p.usableAreaM2);
  const basis = t.areaBasis === 'BUILDING' ? m.basisBUILDING : m.basisUSABLE;
  const coefficient = new Decimal(t.dynamicCoefficient);
  const breakdown = chargeBreakdown(t, p);
  const areaText = fill(m.energyArea, {
    basis,
    area: area.toFixed(2),
    bands: bands(t, area, m),
    coef: coefficient.eq(1) ? '' : fill(m.coefficient, { k: coefficient.toString() }),
  });
  const energy =
    breakdown.formula === 'AREA'
      ? areaText
      : breakdown.formula === 'METERED_NO_READING'
        ? `${fill(m.energyNoReading, { area: area.toFixed(2), price: yuanPerUnit(t.unitPriceFenPerM2) })} ${areaText}`
        : breakdown.formula === 'METERED_AREA_CAP'
          ? `${m.energyMeteredCap} ${areaText}`
          : fill(m.energyMetered, {
              area: area.toFixed(2),
              base: yuanPerUnit(t.baseFeeFenPerM2 ?? 0n),
              gj: new Decimal(p.meteredGJ ?? 0).toFixed(3),
              price: yuanPerUnit(t.energyFenPerGJ ?? 0n),
            });
  const lines: Partial<Record<BillLineCode, string>> = {
    ENERGY: energy,
    SUSPENSION: fill(m.suspension, { ratio: percent(t.suspensionRatio) }),
    SUBSIDY: fill(m.subsidy, { ratio: percent(t.lowIncomeSubsidyRatio ?? 0) }),
    PAYMENT: m.payment,
  };
  if (t.earlyDiscount) {
    lines.EARLY_DISCOUNT = fill(m.discount, { until: formatDateTime(new Date(t.earlyDiscount.until)), ratio: percent(t.earlyDiscount.ratio) });
  }
  if (t.lateFee) {
    lines.LATE_FEE = fill(m.lateFeeRule, {
      from: formatDateTime(new Date(t.lateFee.dueAt)),
      rate: perMille(t.lateFee.ratePerDay),
      cap: percent(t.lateFee.capRatio),
    });
  }
  return lines;
}

/** Rules that have not touched the bill yet but will: an early-payment offer, a coming late fee. */
export function upcomingRules(t: Tariff, at: Date, dueFen: bigint, m: BillMessages): string[] {
  if (dueFen === 0n) return [];
  const notes: string[] = [];
  if (t.earlyDiscount && at < new Date(t.earlyDiscount.until)) {
    notes.push(fill(m.discountOffer, { until: formatDateTime(new Date(t.earlyDiscount.until)), ratio: percent(t.earlyDiscount.ratio) }));
  }
  if (t.lateFee && at < new Date(t.lateFee.dueAt)) {
    notes.push(fill(m.lateFeeUpcoming, { from: formatDateTime(new Date(t.lateFee.dueAt)), rate: perMille(t.lateFee.ratePerDay) }));
  }
  return notes;
}
