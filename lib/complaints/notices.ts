import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { enqueue } from '@/lib/jobs/boss';
import { notifier, type NoticeTemplate } from '@/lib/notify/notifier';
import { decryptField } from '@/lib/privacy/field-crypto';
import type { IncidentNoticeJob } from './incident-work-order';

/**
 * Notices to residents are jobs enqueued in the transaction of the step they announce: a notice
 * goes out exactly when its step committed, and a gateway outage never undoes the step. The job
 * carries no phone number; the handler reads the complaint's encrypted contact phone.
 */
export const NOTIFY_JOB = 'complaints.notify';

export interface NoticeJob {
  complaintId: string;
  template: NoticeTemplate;
  params: Record<string, string>;
}

export async function enqueueNotice(client: pg.PoolClient, job: NoticeJob): Promise<void> {
  await enqueue(NOTIFY_JOB, job, { retryLimit: 5 }, client);
}

export async function deliverNotices(jobs: NoticeJob[]): Promise<void> {
  for (const job of jobs) {
    const { rows } = await pool().query<{ contact_phone_enc: string; number: number }>(
      `SELECT contact_phone_enc, number FROM complaint WHERE id = $1`,
      [job.complaintId],
    );
    const row = rows[0];
    if (!row) continue; // The complaint is gone: nobody to tell.
    await notifier().send({
      phone: decryptField(row.contact_phone_enc, env().piiKeyring),
      template: job.template,
      params: { number: String(row.number), ...job.params },
      path: `/repair/${job.complaintId}`,
    });
  }
}

/** Incident notices: the contact phone of the complaint that attached the resident, else their own. */
export async function deliverIncidentNotices(jobs: IncidentNoticeJob[]): Promise<void> {
  for (const job of jobs) {
    const { rows } = await pool().query<{ phone_enc: string }>(
      `SELECT coalesce((SELECT contact_phone_enc FROM complaint WHERE id = $2), r.phone_enc) AS phone_enc
       FROM resident r WHERE r.id = $1`,
      [job.residentId, job.complaintId],
    );
    const row = rows[0];
    if (!row) continue; // The resident is gone: nobody to tell.
    await notifier().send({
      phone: decryptField(row.phone_enc, env().piiKeyring),
      template: job.template,
      params: job.params,
      path: job.complaintId ? `/repair/${job.complaintId}` : '/',
    });
  }
}
