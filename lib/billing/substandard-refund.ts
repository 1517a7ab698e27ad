import { resolveTariff, type CompiledTariff } from './compile-tariff';
import { BillingError } from './errors';
import { parseFen, roundHalfUpFen } from './exact';
import { DAY_MS, shanghaiDateOf, shanghaiDayStartMs } from './shanghai-time';
import { temperatureValue } from './substandard-bands';
import type { DecimalInput, ShanghaiDate, Tariff } from './types';

/** One confirmed day of under-heating: its Shanghai calendar day and the measured indoor temperature. */
export interface SubstandardDay {
  date: ShanghaiDate | Date;
  indoorC: DecimalInput;
}

function invalidDay(message: string): BillingError {
  return new BillingError('INVALID_SUBSTANDARD_DAY', message);
}

/**
 * 室温不达标退费 (rule 7): the daily fee is energyChargeFen / season days, exactly; the refund
 * is round(daily fee × Σ over the days of each day's band share), rounded once. Every day must
 * fall within the season and appear once, since a day can only be refunded once.
 */
export function substandardRefund(
  tariff: Tariff | CompiledTariff,
  energyChargeFen: bigint,
  days: readonly SubstandardDay[],
): bigint {
  const t = resolveTariff(tariff);
  const charge = parseFen(energyChargeFen, 'energyChargeFen', 'INVALID_AMOUNT');
  const { bands, shareDen } = t.substandard;
  const seen = new Set<number>();
  let shareSum = 0n;
  for (const [i, day] of days.entries()) {
    const dayStart =
      typeof day.date === 'string'
        ? shanghaiDayStartMs(day.date, `days[${i}].date`, 'INVALID_SUBSTANDARD_DAY')
        : shanghaiDayStartMs(shanghaiDateOf(day.date), `days[${i}].date`, 'INVALID_SUBSTANDARD_DAY');
    const index = (dayStart - t.seasonStartMs) / DAY_MS;
    if (index < 0 || BigInt(index) >= t.seasonDays) throw invalidDay(`days[${i}].date: outside the heating season`);
    if (seen.has(index)) throw invalidDay(`days[${i}].date: the same day is listed twice`);
    seen.add(index);
    const celsius = temperatureValue(day.indoorC, `days[${i}].indoorC`);
    for (const band of bands) {
      if (celsius >= band.lowerC && celsius < band.upperC) {
        shareSum += band.shareNum;
        break;
      }
    }
  }
  return roundHalfUpFen(charge * shareSum, shareDen * t.seasonDays);
}
