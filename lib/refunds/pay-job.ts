import type pg from 'pg';
import { enqueue } from '@/lib/jobs/boss';

/** The job that sends an approved refund to the channels (lib/refunds/pay-refund.ts). */
export const REFUND_PAY_JOB = 'refunds.pay';

export interface PayRefundJob {
  refundId: string;
}

export async function enqueuePayRefund(client: pg.PoolClient, refundId: string, startAfter?: Date): Promise<void> {
  await enqueue(REFUND_PAY_JOB, { refundId } satisfies PayRefundJob, { retryLimit: 2, ...(startAfter ? { startAfter } : {}) }, client);
}
