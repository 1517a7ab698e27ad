/**
 * Nuanxin billing core: pure functions, no I/O and no clock of their own. Money is integer
 * fen (bigint); decimals are exact; time is Asia/Shanghai. The rules are in docs/billing.md.
 */
export type {
  AreaBasis,
  AreaTier,
  BillLine,
  BillLineCode,
  BillQuote,
  DecimalInput,
  EarlyDiscountRule,
  FenInput,
  InstantInput,
  LateFeeRule,
  Payment,
  Property,
  Ratio,
  ShanghaiDate,
  SubstandardBand,
  Tariff,
  TariffMode,
} from './types';
export { BillingError, type BillingErrorCode } from './errors';
export { compileTariff, isCompiledTariff, type CompiledTariff } from './compile-tariff';
export { chargeBreakdown, energyCharge, type ChargeBreakdown, type EnergyFormula } from './energy-charge';
export { quoteBill, settlementFen } from './quote-bill';
export { dueFenAt, lateFeeFenAt, lateFeeRatePerSecondFen, lateFeeTicker, type LateFeeTicker } from './late-fee';
export { substandardRefund, type SubstandardDay } from './substandard-refund';
export { DEFAULT_SUBSTANDARD_BANDS } from './substandard-bands';
export { refundableOverpayment, suspensionRefund } from './refunds';
export {
  BILL_STATUSES,
  BILL_TRANSITIONS,
  assertBillTransition,
  canTransitionBill,
  isBillStatus,
  type BillStatus,
} from './bill-status';
export { BILL_LINE_LABELS } from './labels';
export { roundHalfUpFen } from './exact';
export { shanghaiDateOf, shanghaiMidnight } from './shanghai-time';
