import type { BillLineCode } from './types';

/** The Chinese name residents see for each bill line; codes stay stable, wording may be refined. */
export const BILL_LINE_LABELS: Readonly<Record<BillLineCode, string>> = {
  ENERGY: '采暖费',
  SUSPENSION: '报停减免',
  SUBSIDY: '低保补贴',
  EARLY_DISCOUNT: '提前缴费优惠',
  LATE_FEE: '滞纳金',
  PAYMENT: '已缴金额',
};
