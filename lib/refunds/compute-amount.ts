import {
  compileTariff,
  energyCharge,
  quoteBill,
  refundableOverpayment,
  substandardRefund,
  suspensionRefund,
  type Payment,
  type Property,
  type Tariff,
} from '@/lib/billing';
import { temperatureValue } from '@/lib/billing/substandard-bands';
import { formatRatio, formatYuanShare } from '@/lib/format/money';
import type { ResidentRefundReason as RefundReason } from './state-machine';

/**
 * The amount of a refund and how it was reached, line by line. Every figure comes from the
 * billing core (docs/billing.md rules 7 and 8); this file only lays them out to be read. Pure.
 */
export type RefundLineCode =
  | 'PAID'
  | 'REFUNDED_BEFORE'
  | 'PRINCIPAL'
  | 'LATE_FEE'
  | 'DISCOUNT'
  | 'SUSPENDED_COST'
  | 'ENERGY_CHARGE'
  | 'DAILY_FEE'
  | 'COLD_DAY'
  | 'COLD_TOTAL'
  | 'CLAIMED_BEFORE'
  | 'FLAGGED_PAYMENT'
  | 'CAPPED'
  | 'RESULT';

export interface RefundLine {
  code: RefundLineCode;
  /** Values for the line's words (dates, temperatures, shares), already plain text. */
  params: Record<string, string>;
  /** fen as a decimal string (JSON has no bigint); null for a line that explains without money. */
  amountFen: string | null;
}

export interface ColdDay {
  /** Shanghai calendar day, YYYY-MM-DD. */
  date: string;
  /** The coldest room measured that day, °C as exact text. */
  indoorC: string;
  room: string;
}

export interface RefundBasis {
  tariff: Tariff;
  /** The property as billed. */
  property: Property;
  payments: readonly Payment[];
  at: Date;
  /** Refunded already, or asked for by other requests still on their way (never counted twice). */
  refundedFen: bigint;
  /** COLD_ROOMS only: the amounts of the season's earlier cold-room requests still standing. */
  coldClaimedFen: bigint;
  /** COLD_ROOMS only: the measured days of the season. */
  coldDays: readonly ColdDay[];
}

export interface ComputedRefund {
  amountFen: bigint;
  lines: RefundLine[];
}

const line = (code: RefundLineCode, amountFen: bigint | null, params: Record<string, string> = {}): RefundLine => ({
  code,
  params,
  amountFen: amountFen === null ? null : amountFen.toString(),
});

export function computeRefund(reason: RefundReason, basis: RefundBasis): ComputedRefund {
  // Money already on its way back may exceed what the core accepts only through a data error.
  const kept = quoteBill(basis.tariff, basis.property, basis.payments, basis.at);
  const refunded = basis.refundedFen > kept.paidFen ? kept.paidFen : basis.refundedFen;
  const head = [line('PAID', kept.paidFen)];
  if (refunded > 0n) head.push(line('REFUNDED_BEFORE', -refunded));
  switch (reason) {
    case 'OVERPAYMENT': {
      const amountFen = refundableOverpayment(kept, refunded);
      const lines = [...head, line('PRINCIPAL', -kept.principalFen)];
      if (kept.lateFeeFen > 0n) lines.push(line('LATE_FEE', -kept.lateFeeFen));
      if (kept.discountFen > 0n) lines.push(line('DISCOUNT', kept.discountFen));
      return { amountFen, lines: [...lines, line('RESULT', amountFen)] };
    }
    case 'SUSPENSION': {
      const suspended = quoteBill(basis.tariff, { ...basis.property, suspended: true }, basis.payments, basis.at);
      const amountFen = suspensionRefund(basis.tariff, basis.property, basis.payments, basis.at, refunded);
      const cost = suspended.principalFen + suspended.lateFeeFen - suspended.discountFen;
      return { amountFen, lines: [...head, line('SUSPENDED_COST', -cost), line('RESULT', amountFen)] };
    }
    case 'COLD_ROOMS':
      return coldRooms(basis, kept.paidFen - refunded, head);
  }
}

function coldRooms(basis: RefundBasis, keptFen: bigint, head: RefundLine[]): ComputedRefund {
  const compiled = compileTariff(basis.tariff);
  const charge = energyCharge(compiled, basis.property);
  const seasonDays = compiled.seasonDays;
  const { bands, shareDen } = compiled.substandard;
  const { firstDay, lastDay } = basis.tariff.season;
  const days = basis.coldDays.filter((d) => d.date >= firstDay && d.date <= lastDay);
  const lines: RefundLine[] = [
    line('ENERGY_CHARGE', charge),
    line('DAILY_FEE', null, { days: seasonDays.toString(), fee: formatYuanShare(charge, seasonDays) }),
  ];
  for (const day of days) {
    const c = temperatureValue(day.indoorC, 'indoorC');
    const band = bands.find((b) => c >= b.lowerC && c < b.upperC);
    const share = band ? percentOf(band.shareNum, shareDen) : '0';
    lines.push(line('COLD_DAY', null, { date: day.date, celsius: day.indoorC, room: day.room, share }));
  }
  const total = substandardRefund(compiled, charge, days.map((d) => ({ date: d.date, indoorC: d.indoorC })));
  lines.push(line('COLD_TOTAL', total));
  let amountFen = total - basis.coldClaimedFen;
  if (basis.coldClaimedFen > 0n) lines.push(line('CLAIMED_BEFORE', -basis.coldClaimedFen));
  if (amountFen < 0n) amountFen = 0n;
  if (amountFen > keptFen) {
    // Never more back than the money kept on the bill.
    lines.unshift(...head);
    lines.push(line('CAPPED', keptFen));
    amountFen = keptFen < 0n ? 0n : keptFen;
  }
  lines.push(line('RESULT', amountFen));
  return { amountFen, lines };
}

/** num/den as a percentage rounded half up to two decimals, trailing zeros dropped: 1/3 → "33.33", 2/3 → "66.67", 1/2 → "50". */
export function percentOf(num: bigint, den: bigint): string {
  return formatRatio(num * 100n, den, 2, true);
}
