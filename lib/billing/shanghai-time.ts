import { BillingError, type BillingErrorCode } from './errors';
import type { InstantInput, ShanghaiDate } from './types';

/**
 * Asia/Shanghai wall-clock without Intl: China has used UTC+8 with no daylight saving since
 * 1991, so the zone is a fixed offset for every season Nuanxin bills. A fixed offset keeps the
 * hot path free of time-zone database look-ups; tests compare it with Intl's Asia/Shanghai.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of 00:00 Shanghai time on the given calendar day. */
export function shanghaiDayStartMs(day: ShanghaiDate, what: string, code: BillingErrorCode = 'INVALID_DATE'): number {
  const match = YMD_RE.exec(day);
  if (!match) throw new BillingError(code, `${what}: "${day}" is not a YYYY-MM-DD date`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const utcMidnight = Date.UTC(year, month - 1, date);
  const check = new Date(utcMidnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new BillingError(code, `${what}: "${day}" is not a calendar date`);
  }
  return utcMidnight - SHANGHAI_OFFSET_MS;
}

/** 00:00 Shanghai time on the given calendar day, as an instant. */
export function shanghaiMidnight(day: ShanghaiDate): Date {
  return new Date(shanghaiDayStartMs(day, 'day'));
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDateOf(instant: Date): ShanghaiDate {
  const ms = instantMs(instant, 'instant', 'INVALID_DATE');
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch milliseconds of an instant given as a Date or an offset-bearing ISO string. */
export function instantMs(value: InstantInput, what: string, code: BillingErrorCode = 'INVALID_DATE'): number {
  if (typeof value === 'string' && !INSTANT_RE.test(value)) {
    throw new BillingError(code, `${what}: "${value}" must be an ISO instant with an offset, e.g. 2027-01-01T00:00:00+08:00`);
  }
  const ms = typeof value === 'string' ? Date.parse(value) : value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new BillingError(code, `${what}: not a valid instant`);
  return ms;
}
