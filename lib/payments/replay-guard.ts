import type { ReplayGuard } from '@/lib/payments/channel';
import { pool } from '@/lib/db/client';

/** Notify nonces in PostgreSQL, so every server process refuses a replay another one accepted. */
export const postgresReplayGuard: ReplayGuard = {
  async claim(key, keepUntil) {
    const result = await pool().query({
      name: 'notify-replay-claim',
      text: `INSERT INTO notify_replay (key, keep_until) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      values: [key, keepUntil],
    });
    return result.rowCount === 1;
  },
};

export async function pruneNotifyReplays(now: Date): Promise<void> {
  await pool().query(`DELETE FROM notify_replay WHERE keep_until < $1`, [now]);
}
