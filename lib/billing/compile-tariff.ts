import { BillingError } from './errors';
import { parseDecimal, parseFen, parseRatio, pow10 } from './exact';
import { DAY_MS, instantMs, shanghaiDayStartMs } from './shanghai-time';
import { compileSubstandardBands, type CompiledBands } from './substandard-bands';
import type { AreaBasis, AreaTier, Ratio, Tariff, TariffMode } from './types';

/**
 * One marginal area band: centi-m² in (fromCentiM2, toCentiM2] bill at `factor` / areaDen fen
 * each; `belowNum` is what all the bands beneath add up to, so a quote multiplies only once.
 */
export interface CompiledTier {
  readonly fromCentiM2: bigint;
  readonly toCentiM2: bigint | null;
  readonly factor: bigint;
  readonly belowNum: bigint;
}

export interface CompiledLateFee {
  readonly dueMs: number;
  /** Per fen of unpaid principal per millisecond, accrual grows by rateNum / den fen. */
  readonly rateNum: bigint;
  readonly den: bigint;
  readonly cap: Ratio;
}

/**
 * A tariff read once into exact integers so that quotes run on bigint arithmetic alone.
 * Build it with compileTariff; every function that takes a Tariff also takes this.
 */
export interface CompiledTariff {
  readonly kind: 'CompiledTariff';
  readonly mode: TariffMode;
  readonly areaBasis: AreaBasis;
  readonly seasonStartMs: number;
  readonly seasonDays: bigint;
  readonly tiers: readonly CompiledTier[];
  /** Σ (centi-m² in band × factor) / areaDen is the area charge before rounding. */
  readonly areaDen: bigint;
  readonly baseFeeFenPerM2: bigint;
  readonly energyFenPerGJ: bigint;
  readonly suspension: Ratio;
  readonly subsidy: Ratio;
  readonly earlyDiscount: { readonly untilMs: number; readonly ratio: Ratio } | null;
  readonly lateFee: CompiledLateFee | null;
  readonly substandard: CompiledBands;
}

export function isCompiledTariff(tariff: Tariff | CompiledTariff): tariff is CompiledTariff {
  return (tariff as Partial<CompiledTariff>).kind === 'CompiledTariff';
}

export function resolveTariff(tariff: Tariff | CompiledTariff): CompiledTariff {
  return isCompiledTariff(tariff) ? tariff : compileTariff(tariff);
}

function invalid(message: string): BillingError {
  return new BillingError('INVALID_TARIFF', message);
}

export function compileTariff(tariff: Tariff): CompiledTariff {
  if (tariff.mode !== 'AREA' && tariff.mode !== 'METERED') throw invalid(`mode: unknown "${String(tariff.mode)}"`);
  if (tariff.areaBasis !== 'BUILDING' && tariff.areaBasis !== 'USABLE') {
    throw invalid(`areaBasis: unknown "${String(tariff.areaBasis)}"`);
  }
  const seasonStartMs = shanghaiDayStartMs(tariff.season.firstDay, 'season.firstDay', 'INVALID_TARIFF');
  const seasonLastMs = shanghaiDayStartMs(tariff.season.lastDay, 'season.lastDay', 'INVALID_TARIFF');
  if (seasonLastMs < seasonStartMs) throw invalid('season: lastDay is before firstDay');

  const unitPrice = parseFen(tariff.unitPriceFenPerM2, 'unitPriceFenPerM2', 'INVALID_TARIFF');
  const dynamic = parseDecimal(tariff.dynamicCoefficient, 'dynamicCoefficient', 'INVALID_TARIFF');
  if (dynamic.num <= 0n) throw invalid('dynamicCoefficient: must be positive');
  const { tiers, coefficientDen } = compileTiers(tariff.areaTiers, unitPrice, dynamic.num);

  const metered = tariff.mode === 'METERED';
  if (metered && (tariff.baseFeeFenPerM2 == null || tariff.energyFenPerGJ == null)) {
    throw invalid('METERED tariff needs baseFeeFenPerM2 and energyFenPerGJ');
  }

  return {
    kind: 'CompiledTariff',
    mode: tariff.mode,
    areaBasis: tariff.areaBasis,
    seasonStartMs,
    seasonDays: BigInt((seasonLastMs - seasonStartMs) / DAY_MS + 1),
    tiers,
    areaDen: 100n * coefficientDen * dynamic.den,
    baseFeeFenPerM2: metered ? parseFen(tariff.baseFeeFenPerM2 ?? 0, 'baseFeeFenPerM2', 'INVALID_TARIFF') : 0n,
    energyFenPerGJ: metered ? parseFen(tariff.energyFenPerGJ ?? 0, 'energyFenPerGJ', 'INVALID_TARIFF') : 0n,
    suspension: parseRatio(tariff.suspensionRatio, 'suspensionRatio', 0, 1, 'INVALID_TARIFF'),
    subsidy: parseRatio(tariff.lowIncomeSubsidyRatio ?? '0', 'lowIncomeSubsidyRatio', 0, 1, 'INVALID_TARIFF'),
    earlyDiscount: tariff.earlyDiscount
      ? {
          untilMs: instantMs(tariff.earlyDiscount.until, 'earlyDiscount.until', 'INVALID_TARIFF'),
          ratio: parseRatio(tariff.earlyDiscount.ratio, 'earlyDiscount.ratio', 0, 1, 'INVALID_TARIFF'),
        }
      : null,
    lateFee: tariff.lateFee ? compileLateFee(tariff.lateFee) : null,
    substandard: compileSubstandardBands(tariff.substandardRefund ?? null),
  };
}

function compileTiers(
  areaTiers: readonly AreaTier[],
  unitPrice: bigint,
  dynamicNum: bigint,
): { tiers: CompiledTier[]; coefficientDen: bigint } {
  if (areaTiers.length === 0) throw invalid('areaTiers: at least one band is needed');
  const parsed = areaTiers.map((tier, i) => {
    const coefficient = parseDecimal(tier.coefficient, `areaTiers[${i}].coefficient`, 'INVALID_TARIFF');
    if (coefficient.num <= 0n) throw invalid(`areaTiers[${i}].coefficient: must be positive`);
    const isLast = i === areaTiers.length - 1;
    if ((tier.upToM2 === null) !== isLast) throw invalid('areaTiers: only the last band is open-ended, and it must be');
    return { coefficient, upTo: tier.upToM2 === null ? null : tierBound(tier.upToM2, i) };
  });
  // Coefficients share one power-of-ten denominator so the bands add up as plain integers.
  const scale = Math.max(...parsed.map((p) => p.coefficient.scale));
  let from = 0n;
  let belowNum = 0n;
  const tiers = parsed.map(({ coefficient, upTo }, i) => {
    if (upTo !== null && upTo <= from) throw invalid(`areaTiers[${i}].upToM2: bounds must increase`);
    const factor = unitPrice * coefficient.num * pow10(scale - coefficient.scale) * dynamicNum;
    const tier = { fromCentiM2: from, toCentiM2: upTo, factor, belowNum };
    if (upTo !== null) {
      belowNum += (upTo - from) * factor;
      from = upTo;
    }
    return tier;
  });
  return { tiers, coefficientDen: pow10(scale) };
}

function tierBound(value: AreaTier['upToM2'] & {}, i: number): bigint {
  const bound = parseDecimal(value, `areaTiers[${i}].upToM2`, 'INVALID_TARIFF');
  if ((bound.num * 100n) % bound.den !== 0n) throw invalid(`areaTiers[${i}].upToM2: at most 2 decimal places`);
  return (bound.num * 100n) / bound.den;
}

function compileLateFee(rule: NonNullable<Tariff['lateFee']>): CompiledLateFee {
  const rate = parseRatio(rule.ratePerDay, 'lateFee.ratePerDay', 0, 1, 'INVALID_TARIFF');
  return {
    dueMs: instantMs(rule.dueAt, 'lateFee.dueAt', 'INVALID_TARIFF'),
    rateNum: rate.num,
    den: rate.den * BigInt(DAY_MS),
    cap: parseRatio(rule.capRatio, 'lateFee.capRatio', 0, null, 'INVALID_TARIFF'),
  };
}
