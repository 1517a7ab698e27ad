import { pruneRateLimits } from '@/lib/auth/rate-limit';
import { paymentQueryJob, pruneNotifyReplaysJob } from '@/lib/payments/query-job';
import { sandboxNotifyJob } from '@/lib/sandbox-bank/notify-job';
import { COMPLAINT_JOBS } from '@/lib/complaints/jobs';
import { defineJob, type JobDefinition } from './types';

/** Every background job of Nuanxin. Each capability adds its own here. */
export const JOBS: JobDefinition[] = [
  defineJob({
    name: 'maintenance.prune-rate-limits',
    cron: '17 * * * *',
    async handle(_payloads, now) {
      await pruneRateLimits(now);
    },
  }),
  paymentQueryJob,
  pruneNotifyReplaysJob,
  sandboxNotifyJob,
  ...COMPLAINT_JOBS,
];
