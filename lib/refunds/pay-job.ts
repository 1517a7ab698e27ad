import type pg from 'pg';
import { enqueue, prepareQueue } from '@/lib/jobs/boss';
import { REFUND_NOTIFY_JOB } from './notices';

/** The job that sends an approved refund to the channels (lib/refunds/pay-refund.ts). */
export const REFUND_PAY_JOB = 'refunds.pay';

export interface PayRefundJob {
  refundId: string;
}

export async function enqueuePayRefund(client: pg.PoolClient, refundId: string, startAfter?: Date): Promise<void> {
  await enqueue(REFUND_PAY_JOB, { refundId } satisfies PayRefundJob, { retryLimit: 2, ...(startAfter ? { startAfter } : {}) }, client);
}

/**
 * Creates the refunds' queues before a transaction that enqueues to them starts: creating one
 * takes a pool connection of its own, and transactions all waiting for one would starve the pool.
 */
export async function prepareRefundQueues(): Promise<void> {
  // One after the other: pg-boss deadlocks creating two queues at once.
  await prepareQueue(REFUND_PAY_JOB);
  await prepareQueue(REFUND_NOTIFY_JOB);
}
