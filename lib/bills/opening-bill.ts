import type { Property, Tariff } from '@/lib/billing';

/**
 * An opening balance (期初欠费) is a debt the utility's old system handed over, owed exactly as
 * stated. It is issued as a bill of kind OPENING (season 0, `principal_fen` the amount), so the
 * payment flow that pays season bills pays it unchanged: locking, one open payment, the
 * ledger, PAID when nothing is due. The billing core quotes any bill from a tariff and a
 * property; for an opening bill they are these: one square metre at the stated amount, with no
 * late fee, no early discount and no subsidy, so the core's charge is the amount itself and
 * what is due is the amount less what was paid.
 */
export const OPENING_SEASON = 0;

export const OPENING_PROPERTY: Property = {
  buildingAreaM2: '1.00',
  usableAreaM2: '1.00',
  meteredGJ: null,
  suspended: false,
  lowIncome: false,
};

export function openingTariff(amountFen: bigint): Tariff {
  return {
    // Any valid day range: nothing in an opening bill depends on the season's days.
    season: { firstDay: '2000-01-01', lastDay: '2000-01-01' },
    mode: 'AREA',
    areaBasis: 'BUILDING',
    unitPriceFenPerM2: amountFen,
    areaTiers: [{ upToM2: null, coefficient: '1' }],
    dynamicCoefficient: '1',
    suspensionRatio: '1',
    earlyDiscount: null,
    lateFee: null,
    substandardRefund: null,
    lowIncomeSubsidyRatio: null,
  };
}
