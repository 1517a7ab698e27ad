import { AppError } from '@/lib/errors/app-error';
import { pool } from '@/lib/db/client';

/**
 * Fixed-window counters in PostgreSQL, so every server process sees the same count.
 * `hit` counts one attempt and throws `rate_limited` once the window's limit is passed.
 */
export interface Limit {
  key: string;
  windowSeconds: number;
  max: number;
}

export async function hit(limit: Limit, now: Date): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const { rows } = await pool().query<{ hits: number }>(
    `INSERT INTO rate_limit_window (key, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
     RETURNING hits`,
    [limit.key, windowStart],
  );
  const hits = rows[0]?.hits ?? 0;
  if (hits > limit.max) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new AppError('rate_limited', limit.key, retryAfter);
  }
}

/** Old windows are worthless; the scheduler calls this now and then. */
export async function pruneRateLimits(now: Date): Promise<number> {
  const res = await pool().query(`DELETE FROM rate_limit_window WHERE window_start < $1`, [
    new Date(now.getTime() - 2 * 86_400_000),
  ]);
  return res.rowCount ?? 0;
}
