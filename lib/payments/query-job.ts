import { pool } from '@/lib/db/client';
import { defineJob } from '@/lib/jobs/types';
import { appChannels, type Channels } from './app-channels';
import { queryPayment } from './query-payment';
import { PAYMENT_QUERY_JOB, followingQueryAt } from './query-schedule';
import { pruneNotifyReplays } from './replay-guard';

const BATCH = 200;
const PARALLEL = 8;
// A claimed payment is not claimed again for this long, should the process die mid-query.
const LEASE_MS = 5 * 60_000;

interface Due {
  id: string;
  created_at: Date;
  expires_at: Date;
  step: number;
}

/**
 * Asks the channels about the open payments whose next query is due. Claiming moves a payment's
 * next_query_at a lease ahead (SKIP LOCKED: processes sharing the sweep never take the same one);
 * after the answer, the next step is booked, or nothing once the payment settled or expired.
 * `scope` sweeps one resident's payments only (tests, support tools).
 */
export async function queryDuePayments(channels: Channels, now: Date, scope: { residentId?: string } = {}): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await pool().query<Due>(
      `UPDATE payment p SET next_query_at = $2, query_step = p.query_step + 1
        WHERE p.id IN (SELECT id FROM payment
                        WHERE status IN ('created', 'pending') AND next_query_at <= $1 AND ($3::uuid IS NULL OR resident_id = $3)
                        ORDER BY next_query_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING p.id, p.created_at, p.expires_at, p.query_step - 1 AS step`,
      [now, new Date(now.getTime() + LEASE_MS), scope.residentId ?? null],
    );
    for (let i = 0; i < rows.length; i += PARALLEL) {
      await Promise.all(rows.slice(i, i + PARALLEL).map((due) => queryOne(channels, due, now)));
    }
    done += rows.length;
    if (rows.length < BATCH) return done;
  }
}

async function queryOne(channels: Channels, due: Due, now: Date): Promise<void> {
  try {
    const { status } = await queryPayment(channels, due.id, 'job', now);
    if (status !== 'created' && status !== 'pending') return;
  } catch (error) {
    // The channel could not be reached: the lease brings the payment back in a few minutes.
    console.warn(`[payments] query of ${due.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  await pool().query(`UPDATE payment SET next_query_at = $2 WHERE id = $1 AND status IN ('created', 'pending')`, [
    due.id,
    followingQueryAt(due.created_at, due.expires_at, due.step, now),
  ]);
}

export const paymentQueryJob = defineJob({
  name: PAYMENT_QUERY_JOB,
  cron: '* * * * *',
  async handle(_payloads, now) {
    await queryDuePayments(appChannels(), now);
  },
});

export const pruneNotifyReplaysJob = defineJob({
  name: 'payments.prune-notify-replays',
  cron: '23 * * * *',
  async handle(_payloads, now) {
    await pruneNotifyReplays(now);
  },
});
