import { randomBytes } from 'node:crypto';
import { pool } from '@/lib/db/client';
import { enqueue } from '@/lib/jobs/boss';
import { defineJob } from '@/lib/jobs/types';
import { SANDBOX_NOTIFY_ACK, signSandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import { sandboxBankSide, type SandboxBankSide } from './config';
import { refundFields } from './gateway';
import { NOTIFY_RETRY_SECONDS, SANDBOX_REFUND_NOTIFY_JOB, type SandboxRefundNotifyJob } from './notify-schedule';
import { findRefund } from './refunds';

/**
 * Sends the signed notify of a settled refund to the merchant's refund notify_url, signed afresh
 * on each attempt; retried on NOTIFY_RETRY_SECONDS like payment notifies, then given up (the
 * merchant's own query finds the result).
 */
export async function deliverRefundNotify(side: SandboxBankSide, outRefundNo: string, now: Date): Promise<boolean> {
  const refund = await findRefund(side.merchantId, outRefundNo);
  if (!refund) return true;
  const { rows } = await pool().query<{ notify_url: string }>(
    `SELECT notify_url FROM sandbox_bank_refund WHERE merchant_id = $1 AND out_refund_no = $2`,
    [side.merchantId, outRefundNo],
  );
  const url = rows[0]?.notify_url ?? '';
  if (url === '') return true;
  const message = signSandboxMessage({ type: 'refund.notify', merchant_id: side.merchantId, ...refundFields(refund) }, side.secret, {
    now,
    nonce: randomBytes(16).toString('hex'),
  });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(5_000),
      redirect: 'error',
    });
    return response.status === 200 && (await response.text()) === SANDBOX_NOTIFY_ACK;
  } catch (error) {
    // Unreachable or slow merchant: the next attempt is scheduled by the caller.
    console.warn(`[sandbox-bank] refund notify of ${outRefundNo} not delivered: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export const sandboxRefundNotifyJob = defineJob<SandboxRefundNotifyJob>({
  name: SANDBOX_REFUND_NOTIFY_JOB,
  async handle(jobs, now) {
    const side = sandboxBankSide();
    for (const job of jobs) {
      if (job.merchantId !== side.merchantId || (await deliverRefundNotify(side, job.outRefundNo, now))) continue;
      const delay = NOTIFY_RETRY_SECONDS[job.attempt];
      if (delay === undefined) continue;
      await enqueue(SANDBOX_REFUND_NOTIFY_JOB, { ...job, attempt: job.attempt + 1 }, { startAfter: new Date(now.getTime() + delay * 1000) });
    }
  },
});
