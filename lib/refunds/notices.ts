import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { enqueue } from '@/lib/jobs/boss';
import { notifier, type NoticeTemplate } from '@/lib/notify/notifier';
import { decryptField } from '@/lib/privacy/field-crypto';

/**
 * A notice to the resident at each step of a refund, enqueued in the step's transaction so it
 * goes out exactly when the step committed. The job carries no phone number: the handler reads
 * the resident's encrypted phone.
 */
export const REFUND_NOTIFY_JOB = 'refunds.notify';

export interface RefundNoticeJob {
  refundId: string;
  template: NoticeTemplate;
  params: Record<string, string>;
}

export async function enqueueRefundNotice(client: pg.PoolClient, job: RefundNoticeJob): Promise<void> {
  await enqueue(REFUND_NOTIFY_JOB, job, { retryLimit: 5 }, client);
}

export async function deliverRefundNotices(jobs: RefundNoticeJob[]): Promise<void> {
  for (const job of jobs) {
    const { rows } = await pool().query<{ phone_enc: string; number: number }>(
      `SELECT r.phone_enc, q.number FROM refund_request q JOIN resident r ON r.id = q.resident_id WHERE q.id = $1 AND r.closed_at IS NULL`,
      [job.refundId],
    );
    const row = rows[0];
    if (!row) continue; // The request or the resident is gone: nobody to tell.
    await notifier().send({
      phone: decryptField(row.phone_enc, env().piiKeyring),
      template: job.template,
      params: { number: String(row.number), ...job.params },
      path: '/refunds',
    });
  }
}
