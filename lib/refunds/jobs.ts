import { env } from '@/lib/env';
import { appChannels } from '@/lib/payments/app-channels';
import { defineJob, type JobDefinition } from '@/lib/jobs/types';
import { deliverRefundNotices, REFUND_NOTIFY_JOB, type RefundNoticeJob } from './notices';
import { payRefund, type PayPolicy } from './pay-refund';
import { REFUND_PAY_JOB, type PayRefundJob } from './pay-job';
import { sweepRefunds } from './sweep';

/** The refunds capability's background jobs (registered in lib/jobs/registry.ts). */
export function payPolicy(): PayPolicy {
  return { maxAttempts: env().REFUND_MAX_ATTEMPTS };
}

export const REFUND_JOBS: JobDefinition[] = [
  defineJob<PayRefundJob>({
    name: REFUND_PAY_JOB,
    async handle(payloads, now) {
      for (const job of payloads) await payRefund(appChannels(), job.refundId, now, payPolicy());
    },
  }) as JobDefinition,
  defineJob({
    name: 'refunds.sweep',
    cron: '* * * * *',
    retryLimit: 0,
    async handle(_payloads, now) {
      await sweepRefunds(appChannels(), now, payPolicy());
    },
  }),
  defineJob<RefundNoticeJob>({
    name: REFUND_NOTIFY_JOB,
    async handle(payloads) {
      await deliverRefundNotices(payloads);
    },
  }) as JobDefinition,
];
