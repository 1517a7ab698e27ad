import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { closeResolved } from '@/lib/complaints/close-resolved';
import { escalateDue } from '@/lib/complaints/escalate-due';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { staffWorkOrder } from '@/lib/complaints/staff-queries';
import { transitionWorkOrder } from '@/lib/complaints/transition-work-order';
import { boss } from '@/lib/jobs/boss';
import { filing, seedAgent, seedHome, seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

// Far in the future, so rows of other tests (filed "now") never reach these instants' thresholds first.
const at = (text: string) => new Date(`${text}+08:00`);

async function orderFiledAt(filedAt: Date, promise: Record<string, unknown> = {}) {
  const town = await seedTown({ seasonStart: '10-20', ...promise });
  const home = await seedHome(town);
  const agent = await seedAgent(town.utilityId);
  const filed = await fileComplaint(filing(home), filedAt);
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM work_order WHERE complaint_id = $1`, [filed.complaintId]);
  return { agent, workOrderId: rows[0]!.id, home };
}

async function stateOf(workOrderId: string) {
  const { rows } = await pool().query(
    `SELECT escalated_at, response_breached_at, temperature_breached_at, fix_breached_at FROM work_order WHERE id = $1`,
    [workOrderId],
  );
  return rows[0] as { escalated_at: Date | null; response_breached_at: Date | null; temperature_breached_at: Date | null; fix_breached_at: Date | null };
}

describe('escalation sweep', () => {
  it('leaves a fresh order alone, escalates it once when due soon, marks the breach once', async () => {
    const { workOrderId, agent } = await orderFiledAt(at('2030-12-01T10:00:00'));
    await escalateDue(at('2030-12-01T11:00:00'));
    expect(await stateOf(workOrderId)).toMatchObject({ escalated_at: null, response_breached_at: null });

    // 30 minutes (25 % of two hours) before the response promise runs out.
    await escalateDue(at('2030-12-01T11:30:00'));
    expect((await stateOf(workOrderId)).escalated_at).toEqual(at('2030-12-01T11:30:00'));
    await escalateDue(at('2030-12-01T11:45:00'));
    expect((await stateOf(workOrderId)).escalated_at).toEqual(at('2030-12-01T11:30:00'));

    await escalateDue(at('2030-12-01T12:00:01'));
    expect((await stateOf(workOrderId)).response_breached_at).toEqual(at('2030-12-01T12:00:01'));
    await escalateDue(at('2030-12-01T12:10:00'));
    expect((await stateOf(workOrderId)).response_breached_at).toEqual(at('2030-12-01T12:00:01'));

    const view = await staffWorkOrder(agent.utilityId, workOrderId);
    const internal = view!.events.filter((e) => e.visibility === 'INTERNAL').map((e) => [e.kind, e.data?.clock]);
    expect(internal).toEqual([
      ['escalated', 'response'],
      ['breached', 'response'],
    ]);
    expect(view!.breached).toBe(true);
  });

  it('uses the five-hour promise in the first ten days of the season', async () => {
    const { workOrderId } = await orderFiledAt(at('2030-10-21T10:00:00'));
    await escalateDue(at('2030-10-21T12:30:00'));
    expect(await stateOf(workOrderId)).toMatchObject({ escalated_at: null, response_breached_at: null });
    // 5 h window: escalated from 13:45 (75 min left), breached after 15:00.
    await escalateDue(at('2030-10-21T13:45:00'));
    expect((await stateOf(workOrderId)).escalated_at).toEqual(at('2030-10-21T13:45:00'));
    await escalateDue(at('2030-10-21T14:59:00'));
    expect((await stateOf(workOrderId)).response_breached_at).toBeNull();
    await escalateDue(at('2030-10-21T15:00:01'));
    expect((await stateOf(workOrderId)).response_breached_at).not.toBeNull();
  });

  it('an answered order is not breached on its response, but still on an unmet fix', async () => {
    const { workOrderId, agent } = await orderFiledAt(at('2031-01-10T10:00:00'));
    await transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: agent }, at('2031-01-10T10:30:00'));
    await escalateDue(at('2031-01-13T10:00:00'));
    expect(await stateOf(workOrderId)).toMatchObject({ response_breached_at: null });
    const s = await stateOf(workOrderId);
    expect(s.temperature_breached_at).not.toBeNull();
    expect(s.fix_breached_at).not.toBeNull();
  });

  it('a resolved order is never escalated, and closes itself after the utility’s days', async () => {
    const { workOrderId, agent } = await orderFiledAt(at('2031-02-01T10:00:00'), { autoCloseDays: 3 });
    await transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: agent }, at('2031-02-01T10:10:00'));
    await transitionWorkOrder({ workOrderId, to: 'RESOLVED', actor: agent, message: '已修复' }, at('2031-02-01T11:00:00'));
    await escalateDue(at('2031-02-10T10:00:00'));
    expect(await stateOf(workOrderId)).toMatchObject({ escalated_at: null, fix_breached_at: null });
    await closeResolved(at('2031-02-03T11:00:00'));
    expect((await pool().query(`SELECT state FROM work_order WHERE id = $1`, [workOrderId])).rows[0].state).toBe('RESOLVED');
    await closeResolved(at('2031-02-04T11:00:01'));
    expect((await pool().query(`SELECT state FROM work_order WHERE id = $1`, [workOrderId])).rows[0].state).toBe('CLOSED');
  });
});
