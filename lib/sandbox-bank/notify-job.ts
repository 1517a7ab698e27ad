import { randomBytes } from 'node:crypto';
import { pool } from '@/lib/db/client';
import { enqueue } from '@/lib/jobs/boss';
import { defineJob } from '@/lib/jobs/types';
import { SANDBOX_NOTIFY_ACK, signSandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import { sendHttp } from '@/lib/payments/channels/shared/http';
import { sandboxBankSide, type SandboxBankSide } from './config';
import { paymentFields } from './gateway';
import { NOTIFY_RETRY_SECONDS, SANDBOX_NOTIFY_JOB, type SandboxNotifyJob } from './notify-schedule';
import { findTrade, type BankTrade } from './trades';

/**
 * Sends the signed notify of a decided trade to the merchant's notify_url. Each attempt is
 * signed afresh (new nonce, new timestamp), as the merchant refuses a nonce it has seen.
 * Unacknowledged notifies are retried on NOTIFY_RETRY_SECONDS, then given up (the merchant's
 * own query finds the result).
 */
export async function deliverTradeNotify(side: SandboxBankSide, which: string | BankTrade, now: Date): Promise<boolean> {
  // The decision hands over the trade it just wrote; a retry looks it up again.
  const trade = typeof which === 'string' ? await findTrade(pool(), { bankTradeNo: which }) : which;
  if (!trade || trade.notifyUrl === '') return true;
  const message = signSandboxMessage({ type: 'payment.notify', merchant_id: side.merchantId, ...paymentFields(trade, now) }, side.secret, {
    now,
    nonce: randomBytes(16).toString('hex'),
  });
  try {
    const reply = await sendHttp({
      method: 'POST',
      url: trade.notifyUrl,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message),
      timeoutMs: 5_000,
    });
    return reply.status === 200 && reply.body === SANDBOX_NOTIFY_ACK;
  } catch (error) {
    // Unreachable or slow merchant: the next attempt is scheduled by the caller.
    console.warn(`[sandbox-bank] notify of ${trade.bankTradeNo} not delivered: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export const sandboxNotifyJob = defineJob<SandboxNotifyJob>({
  name: SANDBOX_NOTIFY_JOB,
  async handle(jobs, now) {
    const side = sandboxBankSide();
    await Promise.all(
      jobs.map(async (job) => {
        if (await deliverTradeNotify(side, job.bankTradeNo, now)) return;
        const delay = NOTIFY_RETRY_SECONDS[job.attempt];
        if (delay === undefined) return;
        await enqueue(SANDBOX_NOTIFY_JOB, { bankTradeNo: job.bankTradeNo, attempt: job.attempt + 1 }, { startAfter: new Date(now.getTime() + delay * 1000) });
      }),
    );
  },
});
