import { pruneRateLimits } from '@/lib/auth/rate-limit';
import { paymentNoticeJob } from '@/lib/payments/notices';
import { paymentQueryJob, pruneNotifyReplaysJob } from '@/lib/payments/query-job';
import { sandboxNotifyJob } from '@/lib/sandbox-bank/notify-job';
import { sandboxRefundNotifyJob } from '@/lib/sandbox-bank/refund-notify-job';
import { COMPLAINT_JOBS } from '@/lib/complaints/jobs';
import { REFUND_JOBS } from '@/lib/refunds/jobs';
import { env } from '@/lib/env';
import { archiveExpired } from '@/lib/retention/archive';
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
  paymentNoticeJob,
  sandboxNotifyJob,
  sandboxRefundNotifyJob,
  ...COMPLAINT_JOBS,
  ...REFUND_JOBS,
  defineJob({
    name: 'retention.archive',
    // Nightly at 03:40 Shanghai time, when hardly anyone pays or calls.
    cron: '40 3 * * *',
    async handle(_payloads, now) {
      const moved = await archiveExpired(now, env().RETENTION_YEARS);
      const rows = Object.entries(moved.moved).map(([table, n]) => `${n} ${table}`).join(', ');
      console.info(`[retention] archived ${rows}, ${moved.auditEntries} audit_log`);
    },
  }),
];
