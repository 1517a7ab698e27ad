import { resolveTariff, type CompiledTariff } from './compile-tariff';
import { parseFen, reduceRatio, roundHalfUpFen } from './exact';
import { ledgerAt } from './quote-bill';
import type { Payment, Property, Ratio, Tariff } from './types';

/**
 * A snapshot of a bill's late fee that the page can carry to the browser and advance second by
 * second without asking the server again. It is exact while no further payment is made: for any
 * `now` ≥ `at`, lateFeeFenAt/dueFenAt give what quoteBill would give at `now`. Pure and free of
 * Node or time-zone APIs, so the same functions run on the client.
 */
export interface LateFeeTicker {
  /** The instant the server quoted. */
  at: Date;
  /** Accrual (re)starts here: the later of `at` and the due instant. */
  accruesFrom: Date;
  /** Exact late fee accrued since the last payment, over `den`. */
  accruedNum: bigint;
  /** Added to accruedNum for every millisecond after accruesFrom; 0 when nothing accrues. */
  perMsNum: bigint;
  den: bigint;
  /** Late fee already crystallised by payments. */
  crystallisedFen: bigint;
  /** Of that, already paid. */
  lateFeePaidFen: bigint;
  /** The cap on all late fee ever charged. */
  capFen: bigint;
  principalUnpaidFen: bigint;
}

export function lateFeeTicker(
  tariff: Tariff | CompiledTariff,
  property: Property,
  payments: readonly Payment[],
  at: Date,
): LateFeeTicker {
  const { state, compiled, atMs } = ledgerAt(tariff, property, payments, at);
  const rule = compiled.lateFee;
  return {
    at: new Date(atMs),
    accruesFrom: new Date(rule === null ? atMs : Math.max(atMs, rule.dueMs)),
    accruedNum: state.accruedNum,
    perMsNum: rule === null ? 0n : state.principalUnpaidFen * rule.rateNum,
    den: rule === null ? 1n : rule.den,
    crystallisedFen: state.crystallisedFen,
    lateFeePaidFen: state.crystallisedFen - state.lateFeeUnpaidFen,
    capFen: state.capFen,
    principalUnpaidFen: state.principalUnpaidFen,
  };
}

/** All late fee charged by `now` (paid or not); a `now` before the snapshot reads the snapshot. */
export function lateFeeFenAt(ticker: LateFeeTicker, now: Date): bigint {
  const elapsed = now.getTime() - ticker.accruesFrom.getTime();
  const accrued = ticker.accruedNum + (elapsed > 0 ? ticker.perMsNum * BigInt(elapsed) : 0n);
  const room = ticker.capFen - ticker.crystallisedFen;
  const fee = accrued > 0n ? roundHalfUpFen(accrued, ticker.den) : 0n;
  return ticker.crystallisedFen + (fee < room ? fee : room);
}

/** What the resident owes at `now`, provided no payment was made since the snapshot. */
export function dueFenAt(ticker: LateFeeTicker, now: Date): bigint {
  return ticker.principalUnpaidFen + lateFeeFenAt(ticker, now) - ticker.lateFeePaidFen;
}

/**
 * Late fee per second on `principalUnpaidFen` of unpaid principal, as an exact fraction of a
 * fen (0 when the tariff has no late fee). For display only: amounts come from lateFeeFenAt.
 */
export function lateFeeRatePerSecondFen(tariff: Tariff | CompiledTariff, principalUnpaidFen: bigint): Ratio {
  const rule = resolveTariff(tariff).lateFee;
  const principal = parseFen(principalUnpaidFen, 'principalUnpaidFen', 'INVALID_AMOUNT');
  if (rule === null) return { num: 0n, den: 1n };
  return reduceRatio(principal * rule.rateNum * 1000n, rule.den);
}
