import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { enqueue, prepareQueue } from '@/lib/jobs/boss';
import { defineJob, type JobDefinition } from '@/lib/jobs/types';
import { notifier, type NoticeTemplate } from '@/lib/notify/notifier';
import { decryptField } from '@/lib/privacy/field-crypto';

/**
 * A notice to the resident about one of their payments (a flagged payment credited by staff),
 * enqueued in the step's transaction so it goes out exactly when the step committed. The job
 * carries no phone number: the handler reads the resident's encrypted phone.
 */
export const PAYMENT_NOTIFY_JOB = 'payments.notify';

export interface PaymentNoticeJob {
  paymentId: string;
  template: NoticeTemplate;
  params: Record<string, string>;
}

/** Before the transaction that enqueues (creating a queue needs a pool connection of its own). */
export async function preparePaymentNotices(): Promise<void> {
  await prepareQueue(PAYMENT_NOTIFY_JOB);
}

export async function enqueuePaymentNotice(client: pg.PoolClient, job: PaymentNoticeJob): Promise<void> {
  await enqueue(PAYMENT_NOTIFY_JOB, job, { retryLimit: 5 }, client);
}

export async function deliverPaymentNotices(jobs: PaymentNoticeJob[]): Promise<void> {
  for (const job of jobs) {
    const { rows } = await pool().query<{ phone_enc: string }>(
      `SELECT r.phone_enc FROM payment p JOIN resident r ON r.id = p.resident_id WHERE p.id = $1 AND r.closed_at IS NULL`,
      [job.paymentId],
    );
    const row = rows[0];
    if (!row) continue; // The payment was archived or the resident closed their account: nobody to tell.
    await notifier().send({ phone: decryptField(row.phone_enc, env().piiKeyring), template: job.template, params: job.params, path: '/bills' });
  }
}

export const paymentNoticeJob = defineJob<PaymentNoticeJob>({
  name: PAYMENT_NOTIFY_JOB,
  async handle(payloads) {
    await deliverPaymentNotices(payloads);
  },
}) as JobDefinition;
