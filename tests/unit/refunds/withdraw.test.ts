import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { JOB_SCHEMA } from '@/lib/jobs/boss';
import { REFUND_NOTIFY_JOB } from '@/lib/refunds/notices';
import { approveRefund, rejectRefund, startReview } from '@/lib/refunds/review-refund';
import { submitRefund } from '@/lib/refunds/submit-refund';
import { withdrawRefund } from '@/lib/refunds/withdraw-refund';
import { seedBill, startSandboxWorld, type SandboxWorld } from '../payments/db-support';
import { paidSandboxBill, refundStaff } from './support';

let world: SandboxWorld;
const policy = { supervisorThresholdFen: 50_000n, promiseWorkingDays: 10 };

beforeAll(async () => {
  world = await startSandboxWorld();
});

afterAll(async () => {
  await world.bank.close();
});

/** A paid bill on a suspended home (its own utility) and the resident's suspension refund on it, as submitted. */
async function submitted(supervisorThresholdFen = policy.supervisorThresholdFen) {
  const bill = await paidSandboxBill(world);
  await pool().query(`UPDATE heating_account SET status = 'SUSPENDED' FROM bill WHERE bill.id = $1 AND heating_account.id = bill.account_id`, [bill.billId]);
  const ask = () =>
    submitRefund(
      { residentId: bill.residentId, billId: bill.billId, reason: 'SUSPENSION', note: null, idempotencyKey: randomUUID() },
      new Date(),
      { ...policy, supervisorThresholdFen },
    );
  const request = await ask();
  return { ...bill, refundId: request.refundId, number: request.number, ask };
}

async function refund(refundId: string) {
  const { rows } = await pool().query<{ state: string; amount_fen: string }>(`SELECT state, amount_fen::text FROM refund_request WHERE id = $1`, [refundId]);
  return rows[0]!;
}

async function events(refundId: string) {
  const { rows } = await pool().query<{ kind: string; from_state: string | null; to_state: string; actor_kind: string; actor_id: string | null }>(
    `SELECT kind, from_state, to_state, actor_kind, actor_id FROM refund_event WHERE refund_id = $1 ORDER BY at, kind`,
    [refundId],
  );
  return rows;
}

describe('a resident withdraws a refund request (撤回申请)', () => {
  it('closes a submitted request with its step, audit line and notice, and the money may be asked for again', async () => {
    const r = await submitted();
    const asked = await refund(r.refundId);
    expect(BigInt(asked.amount_fen)).toBeGreaterThan(0n);
    // While it is open, the same money cannot be asked for twice.
    await expect(r.ask()).rejects.toMatchObject({ code: 'invalid_input', detail: 'nothing_to_refund' });

    expect(await withdrawRefund({ refundId: r.refundId, residentId: r.residentId, ip: '203.0.113.9' }, new Date())).toEqual({ number: r.number, changed: true });
    expect((await refund(r.refundId)).state).toBe('withdrawn');
    expect((await events(r.refundId)).at(-1)).toEqual({ kind: 'withdraw', from_state: 'submitted', to_state: 'withdrawn', actor_kind: 'RESIDENT', actor_id: r.residentId });
    const { rows: audit } = await pool().query<{ actor_kind: string; ip: string | null }>(
      `SELECT actor_kind, ip FROM audit_log WHERE entity_id = $1 AND action = 'refund.withdraw'`,
      [r.refundId],
    );
    expect(audit).toEqual([{ actor_kind: 'RESIDENT', ip: '203.0.113.9' }]);
    const { rows: notices } = await pool().query<{ template: string }>(
      `SELECT data->>'template' AS template FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'refundId' = $2 ORDER BY created_on`,
      [REFUND_NOTIFY_JOB, r.refundId],
    );
    expect(notices.map((n) => n.template)).toEqual(['refund_submitted', 'refund_withdrawn']);

    // Withdrawn money no longer counts against the bill: the same amount may be asked for again.
    const again = await r.ask();
    expect(again.refundId).not.toBe(r.refundId);
    expect((await refund(again.refundId)).amount_fen).toBe(asked.amount_fen);
  });

  it('a second click changes nothing, and a closed request cannot be reopened by staff', async () => {
    const r = await submitted();
    await withdrawRefund({ refundId: r.refundId, residentId: r.residentId }, new Date());
    expect(await withdrawRefund({ refundId: r.refundId, residentId: r.residentId }, new Date())).toEqual({ number: r.number, changed: false });
    expect((await events(r.refundId)).filter((e) => e.kind === 'withdraw')).toHaveLength(1);
    const agent = await refundStaff(r.utilityId, 'AGENT');
    await expect(startReview({ refundId: r.refundId, actor: agent }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(approveRefund({ refundId: r.refundId, actor: agent }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(rejectRefund({ refundId: r.refundId, actor: agent, reason: '重复' }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await refund(r.refundId)).state).toBe('withdrawn');
  });

  it('only the resident who asked can withdraw; anyone else finds nothing', async () => {
    const r = await submitted();
    const other = await seedBill();
    await expect(withdrawRefund({ refundId: r.refundId, residentId: other.residentId }, new Date())).rejects.toMatchObject({ code: 'not_found' });
    await expect(withdrawRefund({ refundId: randomUUID(), residentId: r.residentId }, new Date())).rejects.toMatchObject({ code: 'not_found' });
    expect((await refund(r.refundId)).state).toBe('submitted');
    expect(await events(r.refundId)).toHaveLength(1);
  });

  it('under review — even approved once and awaiting the supervisor — it can be withdrawn; once approved it cannot', async () => {
    const r = await submitted();
    const agent = await refundStaff(r.utilityId, 'AGENT');
    const supervisor = await refundStaff(r.utilityId, 'SUPERVISOR');
    // Above the 500.00 元 threshold: the agent's approval waits for a supervisor.
    expect(await approveRefund({ refundId: r.refundId, actor: agent }, new Date())).toBe('awaiting_supervisor');
    expect(await withdrawRefund({ refundId: r.refundId, residentId: r.residentId }, new Date())).toMatchObject({ changed: true });
    await expect(approveRefund({ refundId: r.refundId, actor: supervisor }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await refund(r.refundId)).state).toBe('withdrawn');

    const late = await submitted();
    expect(await approveRefund({ refundId: late.refundId, actor: await refundStaff(late.utilityId, 'AGENT') }, new Date())).toBe('awaiting_supervisor');
    expect(await approveRefund({ refundId: late.refundId, actor: await refundStaff(late.utilityId, 'SUPERVISOR') }, new Date())).toBe('approved');
    await expect(withdrawRefund({ refundId: late.refundId, residentId: late.residentId }, new Date())).rejects.toMatchObject({
      code: 'invalid_transition',
      detail: 'not_withdrawable',
    });
    expect((await refund(late.refundId)).state).toBe('approved');
  });

  it('a withdrawal and an approval at the same moment: one wins, the other is refused, nothing in between', async () => {
    for (let i = 0; i < 5; i++) {
      // Below the threshold: one approval approves.
      const r = await submitted(10_000_000n);
      const supervisor = await refundStaff(r.utilityId, 'SUPERVISOR');
      await startReview({ refundId: r.refundId, actor: supervisor }, new Date());
      const [withdrawal, approval] = await Promise.allSettled([
        withdrawRefund({ refundId: r.refundId, residentId: r.residentId }, new Date()),
        approveRefund({ refundId: r.refundId, actor: supervisor }, new Date()),
      ]);
      const state = (await refund(r.refundId)).state;
      if (state === 'withdrawn') {
        expect(withdrawal).toMatchObject({ status: 'fulfilled', value: { changed: true } });
        expect(approval).toMatchObject({ status: 'rejected', reason: { code: 'invalid_transition' } });
      } else {
        expect(state).toBe('approved');
        expect(approval).toMatchObject({ status: 'fulfilled', value: 'approved' });
        expect(withdrawal).toMatchObject({ status: 'rejected', reason: { code: 'invalid_transition' } });
      }
      const { rows } = await pool().query<{ n: string }>(`SELECT count(*)::text AS n FROM refund_event WHERE refund_id = $1 AND kind IN ('withdraw', 'approve')`, [r.refundId]);
      expect(rows[0]!.n).toBe('1');
    }
  });
});
