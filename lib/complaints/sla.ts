import type { ComplaintPromise } from './promise';
import { shanghaiDay, shanghaiMidnight } from './shanghai';

/**
 * SLA clocks of a work order, pure: every function takes `now`/`at` instead of reading a clock.
 * - first response within firstResponseHours (firstResponseHoursSeasonStart during the first
 *   seasonStartDays Shanghai calendar days of the heating season);
 * - temperature test within temperatureTestHours; fix within fixHours;
 * all counted from the moment the complaint is filed, or reopened.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Deadlines {
  responseDueAt: Date;
  temperatureDueAt: Date;
  fixDueAt: Date;
}

/** The first day (Shanghai midnight) of the heating season an instant falls in. */
export function seasonStartFor(at: Date, promise: Pick<ComplaintPromise, 'seasonStart'>): Date {
  const [month, day] = promise.seasonStart.split('-').map(Number) as [number, number];
  const year = Number(shanghaiDay(at).slice(0, 4));
  const thisYear = shanghaiMidnight(year, month, day);
  return at.getTime() >= thisYear.getTime() ? thisYear : shanghaiMidnight(year - 1, month, day);
}

export function inSeasonStart(at: Date, promise: Pick<ComplaintPromise, 'seasonStart' | 'seasonStartDays'>): boolean {
  const start = seasonStartFor(at, promise);
  return at.getTime() < start.getTime() + promise.seasonStartDays * DAY;
}

export function deadlinesFrom(at: Date, promise: ComplaintPromise): Deadlines {
  const responseHours = inSeasonStart(at, promise) ? promise.firstResponseHoursSeasonStart : promise.firstResponseHours;
  const plus = (h: number) => new Date(at.getTime() + h * HOUR);
  return {
    responseDueAt: plus(responseHours),
    temperatureDueAt: plus(Math.max(promise.temperatureTestHours, responseHours)),
    fixDueAt: plus(Math.max(promise.fixHours, promise.temperatureTestHours, responseHours)),
  };
}

export type Clock = 'response' | 'temperature' | 'fix';
export type ClockStatus = 'running' | 'due_soon' | 'breached';

export interface ClockState {
  clock: Clock;
  dueAt: Date;
  /** Negative once breached. */
  msLeft: number;
  status: ClockStatus;
}

export interface ClockInput extends Deadlines {
  /** When the clocks started: filing, or the latest reopening. */
  startedAt: Date;
  respondedAt: Date | null;
  temperatureTestedAt: Date | null;
  resolvedAt: Date | null;
}

/** Every clock not yet met, earliest deadline first. */
export function runningClocks(order: ClockInput, now: Date, promise: Pick<ComplaintPromise, 'escalateAtRemainingShare'>): ClockState[] {
  if (order.resolvedAt) return [];
  const clocks: [Clock, Date, Date | null][] = [
    ['response', order.responseDueAt, order.respondedAt],
    ['temperature', order.temperatureDueAt, order.temperatureTestedAt],
    ['fix', order.fixDueAt, order.resolvedAt],
  ];
  return clocks
    .filter(([, , metAt]) => metAt === null)
    .map(([clock, dueAt]) => {
      const msLeft = dueAt.getTime() - now.getTime();
      const window = dueAt.getTime() - order.startedAt.getTime();
      const status: ClockStatus =
        msLeft < 0 ? 'breached' : msLeft <= window * promise.escalateAtRemainingShare ? 'due_soon' : 'running';
      return { clock, dueAt, msLeft, status };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The clock that runs out next, or null when the work is resolved. */
export function nextClock(order: ClockInput, now: Date, promise: Pick<ComplaintPromise, 'escalateAtRemainingShare'>): ClockState | null {
  return runningClocks(order, now, promise)[0] ?? null;
}
