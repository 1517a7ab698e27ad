import { defineJob } from '@/lib/jobs/types';
import { enqueue } from '@/lib/jobs/boss';
import { pool } from '@/lib/db/client';
import { appChannels } from './app-channels';
import { isOpenPayment } from './payment-status';
import { queryPayment } from './query-payment';
import { PAYMENT_QUERY_JOB, QUERY_AFTER_MINUTES, queryDelayMs, type PaymentQueryJob } from './query-schedule';
import { pruneNotifyReplays } from './replay-guard';

/** Queries a pending payment at 5, 10, 30, 60 and 120 minutes; each run books the next. */
export const paymentQueryJob = defineJob<PaymentQueryJob>({
  name: PAYMENT_QUERY_JOB,
  retryLimit: 3,
  async handle(jobs, now) {
    for (const job of jobs) {
      const { status } = await queryPayment(appChannels(), job.paymentId, 'job', now);
      if (!isOpenPayment(status)) continue;
      const next = job.step + 1;
      if (next >= QUERY_AFTER_MINUTES.length) continue;
      const { rows } = await pool().query<{ created_at: Date }>(`SELECT created_at FROM payment WHERE id = $1`, [job.paymentId]);
      const createdAt = rows[0]?.created_at ?? now;
      await enqueue(PAYMENT_QUERY_JOB, { paymentId: job.paymentId, step: next }, { startAfter: new Date(createdAt.getTime() + queryDelayMs(next)) });
    }
  },
});

export const pruneNotifyReplaysJob = defineJob({
  name: 'payments.prune-notify-replays',
  cron: '23 * * * *',
  async handle(_payloads, now) {
    await pruneNotifyReplays(now);
  },
});
