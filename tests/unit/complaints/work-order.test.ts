import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { escalateWorkOrder } from '@/lib/complaints/escalate-work-order';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { recordTemperatures } from '@/lib/complaints/record-temperatures';
import { replyToResident } from '@/lib/complaints/reply-to-resident';
import { getMyComplaint } from '@/lib/complaints/resident-queries';
import { staffWorkOrder, workOrderQueue } from '@/lib/complaints/staff-queries';
import { transitionWorkOrder } from '@/lib/complaints/transition-work-order';
import { boss } from '@/lib/jobs/boss';
import { at, filing, seedAgent, seedHome, seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

async function fileOne(now: Date, promise: Record<string, unknown> = {}) {
  const town = await seedTown({ seasonStart: '10-20', ...promise });
  const home = await seedHome(town);
  const agent = await seedAgent(town.utilityId);
  const filed = await fileComplaint(filing(home), now);
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM work_order WHERE complaint_id = $1`, [filed.complaintId]);
  return { town, home, agent, filed, workOrderId: rows[0]!.id };
}

describe('working a complaint', () => {
  it('walks claim → visit → repair → temperatures → resolve → not fixed → claim → resolve → closed', async () => {
    const t0 = at('2026-11-25T10:00:00');
    const { home, agent, filed, workOrderId } = await fileOne(t0);
    const resident = { kind: 'RESIDENT' as const, residentId: home.residentId };
    const step = (to: Parameters<typeof transitionWorkOrder>[0]['to'], actor: Parameters<typeof transitionWorkOrder>[0]['actor'], minutes: number, extra = {}) =>
      transitionWorkOrder({ workOrderId, to, actor, ...extra }, new Date(t0.getTime() + minutes * 60_000));

    await step('ACKNOWLEDGED', agent, 20);
    await replyToResident({ workOrderId, actor: agent, message: '师傅下午上门' }, new Date(t0.getTime() + 21 * 60_000));
    await replyToResident({ workOrderId, actor: agent, message: '楼栋阀门可能没开', internal: true }, new Date(t0.getTime() + 22 * 60_000));
    await step('VISIT_SCHEDULED', agent, 25, { visitAt: at('2026-11-25T15:00:00') });
    await step('IN_REPAIR', agent, 300);
    await recordTemperatures(
      { workOrderId, actor: agent, readings: [{ room: 'living', measuredOn: '2026-11-25', celsius: '15.5' }, { room: 'bedroom', measuredOn: '2026-11-25', celsius: '16.0' }] },
      new Date(t0.getTime() + 310 * 60_000),
    );
    await step('RESOLVED', agent, 320, { message: '已放气，暖气恢复' });
    await step('REOPENED', resident, 600, { message: '还是不热' });

    const reopened = await getMyComplaint(home.residentId, filed.complaintId);
    expect(reopened!.state).toBe('REOPENED');
    // The promises start again from the reopening.
    expect(reopened!.clocks.responseDueAt).toEqual(new Date(t0.getTime() + 600 * 60_000 + 2 * 3_600_000));
    expect(reopened!.clocks.respondedAt).toBeNull();

    await step('ACKNOWLEDGED', agent, 610);
    await step('RESOLVED', agent, 700, { message: '更换阀门' });
    await step('CLOSED', resident, 800);

    const done = await getMyComplaint(home.residentId, filed.complaintId);
    expect(done!.state).toBe('CLOSED');
    expect(done!.readings).toEqual([
      { room: 'bedroom', measuredOn: '2026-11-25', celsius: '16.0' },
      { room: 'living', measuredOn: '2026-11-25', celsius: '15.5' },
    ]);
    // The resident's timeline has every public step and none of the internal note.
    expect(done!.events.map((e) => e.kind)).toEqual([
      'filed', 'acknowledged', 'reply', 'visit_scheduled', 'in_repair', 'temperature', 'resolved', 'reopened', 'acknowledged', 'resolved', 'closed',
    ]);
    const staffView = await staffWorkOrder(agent.utilityId, workOrderId);
    expect(staffView!.events.some((e) => e.kind === 'note' && e.visibility === 'INTERNAL')).toBe(true);
    const audit = await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'work_order' AND entity_id = $1`, [workOrderId]);
    // Every step on the order left one audit line (filing is audited on the complaint).
    expect(audit.rows[0].n).toBe(11);
  });

  it('refuses a transition the machine does not allow, and changes nothing', async () => {
    const { agent, workOrderId, home } = await fileOne(new Date());
    await expect(transitionWorkOrder({ workOrderId, to: 'RESOLVED', actor: agent, message: 'x' }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(
      transitionWorkOrder({ workOrderId, to: 'REOPENED', actor: { kind: 'RESIDENT', residentId: home.residentId } }, new Date()),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    // A resident may not claim, an agent may not reopen.
    await expect(
      transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: { kind: 'RESIDENT', residentId: home.residentId } }, new Date()),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { rows } = await pool().query(`SELECT state FROM work_order WHERE id = $1`, [workOrderId]);
    expect(rows[0].state).toBe('OPEN');
  });

  it('refuses a visit in the past and a resolution without a note', async () => {
    const now = new Date();
    const { agent, workOrderId } = await fileOne(now);
    await transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: agent }, now);
    await expect(
      transitionWorkOrder({ workOrderId, to: 'VISIT_SCHEDULED', actor: agent, visitAt: new Date(now.getTime() - 60_000) }, now),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(transitionWorkOrder({ workOrderId, to: 'RESOLVED', actor: agent, message: '  ' }, now)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('authorization', () => {
  it('staff of another utility can neither see nor touch the order', async () => {
    const { workOrderId } = await fileOne(new Date());
    const elsewhere = await seedTown();
    const stranger = await seedAgent(elsewhere.utilityId);
    expect(await staffWorkOrder(stranger.utilityId, workOrderId)).toBeNull();
    expect((await workOrderQueue(stranger)).map((i) => i.id)).not.toContain(workOrderId);
    for (const attempt of [
      () => transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: stranger }, new Date()),
      () => replyToResident({ workOrderId, actor: stranger, message: '你好' }, new Date()),
      () => escalateWorkOrder({ workOrderId, actor: stranger, reason: '越权' }, new Date()),
      () => recordTemperatures({ workOrderId, actor: stranger, readings: [{ room: 'living', measuredOn: '2026-11-25', celsius: '10.0' }] }, new Date()),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('another resident cannot reopen or close it', async () => {
    const { town, workOrderId, agent } = await fileOne(new Date());
    await transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: agent }, new Date());
    await transitionWorkOrder({ workOrderId, to: 'RESOLVED', actor: agent, message: '已修复' }, new Date());
    const neighbour = await seedHome(town);
    await expect(
      transitionWorkOrder({ workOrderId, to: 'REOPENED', actor: { kind: 'RESIDENT', residentId: neighbour.residentId } }, new Date()),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the queue lists the utility’s own orders, the one running out first on top', async () => {
    const town = await seedTown({ seasonStart: '10-20' });
    const agent = await seedAgent(town.utilityId);
    const home = await seedHome(town);
    const later = await fileComplaint(filing(home), at('2026-11-25T11:00:00'));
    const sooner = await fileComplaint(filing(home), at('2026-11-25T10:00:00'));
    const queue = await workOrderQueue(agent);
    expect(queue.map((i) => i.number)).toEqual([sooner.number, later.number]);
  });
});
