import { z } from 'zod';

/**
 * A utility's service promises for complaints, read from utility.service_promise. Keys a utility
 * has not set fall back to the national practice below; a malformed value is an error, never a
 * silent default, because the deadlines residents are promised depend on it.
 */
const hours = z.number().positive().max(24 * 30);

const schema = z.object({
  firstResponseHours: hours.default(2),
  /** The first days of the season bring a wave of calls: the response promise is longer then. */
  firstResponseHoursSeasonStart: hours.default(5),
  seasonStartDays: z.number().int().min(0).max(60).default(10),
  /** MM-DD, the first day of this utility's heating season (Harbin 10-20, Jinan 11-15…). */
  seasonStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).default('11-01'),
  temperatureTestHours: hours.default(24),
  fixHours: hours.default(48),
  /** A clock "due soon" is escalated when this share of its window or less remains. */
  escalateAtRemainingShare: z.number().min(0).max(1).default(0.25),
  /** Station outage: this many heat complaints from one station within the window open one. */
  stationOutageThreshold: z.number().int().min(2).max(10_000).default(5),
  stationOutageWindowMinutes: z.number().int().min(5).max(24 * 60).default(60),
  /** A resolved complaint the resident neither confirms nor reopens closes after this many days. */
  autoCloseDays: z.number().int().min(1).max(60).default(7),
});

export type ComplaintPromise = z.infer<typeof schema>;

export function parseComplaintPromise(json: unknown): ComplaintPromise {
  const result = schema.safeParse(json ?? {});
  if (!result.success) {
    throw new Error(`utility.service_promise is invalid: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  return result.data;
}
