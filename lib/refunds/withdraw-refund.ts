import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { prepareRefundQueues } from './pay-job';
import { lockRefund, moveRefund } from './records';
import { WITHDRAWABLE_REFUND_STATES } from './state-machine';

export interface Withdrawn {
  number: number;
  /** False when the request was already withdrawn (a second click): nothing changed. */
  changed: boolean;
}

/**
 * A resident takes back their own refund request while it waits for review or is being reviewed —
 * a first approval awaiting the supervisor included, since no money has moved. The request is
 * locked, so a withdrawal and a staff approval at the same moment happen one after the other: once
 * approved it can no longer be withdrawn. What it asked no longer counts against the bill, so the
 * resident may ask again. Someone else's request reads exactly like a missing one.
 */
export async function withdrawRefund(input: { refundId: string; residentId: string; ip?: string }, now: Date): Promise<Withdrawn> {
  await prepareRefundQueues();
  return withTransaction(async (client) => {
    const actor = { kind: 'RESIDENT' as const, residentId: input.residentId, ...(input.ip ? { ip: input.ip } : {}) };
    const refund = await lockRefund(client, input.refundId, actor);
    if (refund.state === 'withdrawn') return { number: refund.number, changed: false };
    if (!WITHDRAWABLE_REFUND_STATES.includes(refund.state)) throw new AppError('invalid_transition', 'not_withdrawable');
    await moveRefund(client, refund, 'withdrawn', actor, { kind: 'withdraw' }, now);
    return { number: refund.number, changed: true };
  });
}
