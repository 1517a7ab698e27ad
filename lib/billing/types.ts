/**
 * Public data shapes of the Nuanxin billing core. Money is always integer fen (分) as bigint.
 * Decimals (areas, ratios, coefficients, GJ) arrive as exact decimal strings, the way PostgreSQL
 * `numeric` columns hand them over; numbers and bigints are accepted too and read by their
 * shortest decimal spelling, never through float arithmetic.
 */

/** An exact decimal such as "1.02", "0.001" or "150.00". */
export type DecimalInput = string | number | bigint;

/** A whole number of fen. Numbers must be safe integers. */
export type FenInput = bigint | number;

/** A Shanghai calendar day, 'YYYY-MM-DD'. */
export type ShanghaiDate = string;

/**
 * An instant: a Date, or an ISO-8601 string that states its offset
 * (e.g. '2027-01-01T00:00:00+08:00'). Strings without an offset are refused because
 * JavaScript would read them in the server's zone.
 */
export type InstantInput = Date | string;

/** 计费方式: by area, or two-part metered (base fee + heat energy). */
export type TariffMode = 'AREA' | 'METERED';

/** Which area of the home bills: 建筑面积 (BUILDING) or 使用面积/套内面积 (USABLE). */
export type AreaBasis = 'BUILDING' | 'USABLE';

/**
 * One marginal band (阶梯) of area, like an income-tax bracket: the square metres above the
 * previous band's bound and up to `upToM2` bill at `coefficient` × unit price. The last band
 * is open-ended (`upToM2: null`).
 */
export interface AreaTier {
  upToM2: DecimalInput | null;
  coefficient: DecimalInput;
}

/**
 * One band of measured indoor temperature for 室温不达标退费: a day with
 * lowerC ≤ t < upperC refunds `share` of that day's fee. `null` bounds are open.
 */
export interface SubstandardBand {
  lowerC: DecimalInput | null;
  upperC: DecimalInput | null;
  share: DecimalInput;
}

/** A paid-in-full-before-`until` discount (提前缴费优惠). */
export interface EarlyDiscountRule {
  until: InstantInput;
  ratio: DecimalInput;
}

/** 滞纳金: after `dueAt`, unpaid principal × ratePerDay per day, to the second, capped. */
export interface LateFeeRule {
  dueAt: InstantInput;
  ratePerDay: DecimalInput;
  capRatio: DecimalInput;
}

/** A utility's price list for one heating season. Data, loaded from the database. */
export interface Tariff {
  /** First and last heating day, inclusive, Asia/Shanghai calendar. */
  season: { firstDay: ShanghaiDate; lastDay: ShanghaiDate };
  mode: TariffMode;
  areaBasis: AreaBasis;
  /** Season price per m² in fen, e.g. 2400 (24 元/㎡). */
  unitPriceFenPerM2: FenInput;
  /** Marginal area bands; a flat tariff is one open band at coefficient 1. */
  areaTiers: readonly AreaTier[];
  /** 动态调整系数: multiplies the whole area charge, e.g. "1.02". */
  dynamicCoefficient: DecimalInput;
  /** METERED only: 基本热费 per m² of the billing area, fen. */
  baseFeeFenPerM2?: FenInput | null;
  /** METERED only: 计量热费 per GJ, fen. */
  energyFenPerGJ?: FenInput | null;
  /** 报停: a suspended home pays this share of its energy charge, e.g. "0.20". */
  suspensionRatio: DecimalInput;
  earlyDiscount?: EarlyDiscountRule | null;
  lateFee?: LateFeeRule | null;
  /** Temperature bands; when absent, DEFAULT_SUBSTANDARD_BANDS apply. */
  substandardRefund?: readonly SubstandardBand[] | null;
  /** 低保补贴: share of the energy charge credited to low-income homes; absent means 0. */
  lowIncomeSubsidyRatio?: DecimalInput | null;
}

/** The home being billed. Areas have at most 2 decimal places. */
export interface Property {
  buildingAreaM2: DecimalInput;
  usableAreaM2: DecimalInput;
  /** Season heat consumption read from the meter, GJ. Absent: the home bills by area. */
  meteredGJ?: DecimalInput | null;
  /** 报停 for the whole season. */
  suspended?: boolean;
  /** 低保户. */
  lowIncome?: boolean;
}

/** Money received against one bill. */
export interface Payment {
  at: Date;
  amountFen: bigint;
}

/** Stable machine codes of bill lines; the UI and the database key on these. */
export type BillLineCode =
  | 'ENERGY'
  | 'SUSPENSION'
  | 'SUBSIDY'
  | 'EARLY_DISCOUNT'
  | 'LATE_FEE'
  | 'PAYMENT';

/**
 * One line of a bill statement. Charges are positive and credits negative, so the lines of a
 * quote add up to what is owed minus any overpayment.
 */
export interface BillLine {
  code: BillLineCode;
  label: string;
  amountFen: bigint;
}

/** A bill as it stands at one instant. Every field is ≥ 0. */
export interface BillQuote {
  lines: BillLine[];
  /** Energy charge − subsidy: what the season costs before discount and late fee. */
  principalFen: bigint;
  /** All late fee charged up to the instant, paid or not. */
  lateFeeFen: bigint;
  /** Sum of the payments made up to the instant. */
  paidFen: bigint;
  /** Early discount granted (0 until a payment has earned it). */
  discountFen: bigint;
  /** What the resident owes at the instant; 0 when settled. */
  dueFen: bigint;
}

/** An exact non-negative fraction num/den with den > 0. */
export interface Ratio {
  num: bigint;
  den: bigint;
}
