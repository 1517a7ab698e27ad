import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { INCIDENT_NOTIFY_JOB } from '@/lib/complaints/incident-work-order';
import { joinIncident } from '@/lib/complaints/join-incident';
import { updateIncident } from '@/lib/complaints/manage-incident';
import { replyToResident } from '@/lib/complaints/reply-to-resident';
import { recordTemperatures } from '@/lib/complaints/record-temperatures';
import { stationNoticesFor } from '@/lib/complaints/station-notices';
import { workOrderQueue } from '@/lib/complaints/staff-queries';
import { transitionWorkOrder } from '@/lib/complaints/transition-work-order';
import { boss, JOB_SCHEMA } from '@/lib/jobs/boss';
import { at, filing, seedAgent, seedHome, seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

async function incidentNotices(incidentId: string) {
  const { rows } = await pool().query<{ data: { residentId: string; template: string; params: Record<string, string> } }>(
    `SELECT data FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'incidentId' = $2`,
    [INCIDENT_NOTIFY_JOB, incidentId],
  );
  return rows.map((r) => r.data);
}

/** A station outage: three households complain within the hour. */
async function outage(now: Date) {
  const town = await seedTown({ stationOutageThreshold: 3, stationOutageWindowMinutes: 60, seasonStart: '10-20' });
  const homes = await Promise.all([1, 2, 3, 4].map(() => seedHome(town)));
  const agent = await seedAgent(town.utilityId);
  await Promise.all(homes.slice(0, 3).map((h) => fileComplaint(filing(h), now)));
  const { rows } = await pool().query<{ id: string; work_order_id: string }>(
    `SELECT i.id, w.id AS work_order_id FROM incident i JOIN work_order w ON w.incident_id = i.id WHERE i.station_id = $1`,
    [town.stationId],
  );
  expect(rows).toHaveLength(1);
  return { town, homes, agent, incidentId: rows[0]!.id, workOrderId: rows[0]!.work_order_id };
}

describe('incident work orders', () => {
  it('a station outage opens one urgent incident order with SLA clocks, in the agents’ queue', async () => {
    const t0 = at('2026-11-25T10:00:00');
    const { town, agent, incidentId, workOrderId } = await outage(t0);
    const { rows } = await pool().query(
      `SELECT kind, complaint_id, incident_id, state, priority, response_due_at, fix_due_at FROM work_order WHERE id = $1`,
      [workOrderId],
    );
    expect(rows[0]).toMatchObject({ kind: 'INCIDENT', complaint_id: null, incident_id: incidentId, state: 'OPEN', priority: 'URGENT' });
    // Two hours to respond (past the first ten days of a season starting 10-20), 48 to fix.
    expect(rows[0].response_due_at).toEqual(at('2026-11-25T12:00:00'));
    expect(rows[0].fix_due_at).toEqual(at('2026-11-27T10:00:00'));

    const queue = await workOrderQueue(agent);
    const item = queue.find((q) => q.id === workOrderId);
    expect(item).toMatchObject({ kind: 'INCIDENT', number: null, incident: { kind: 'STATION_OUTAGE' }, stationName: '测试换热站' });
    // Sorted by the deadline that runs out next: all four orders are due at 12:00; urgent first.
    expect(queue[0]!.id).toBe(workOrderId);
    expect(queue.filter((q) => q.kind === 'COMPLAINT')).toHaveLength(3);
    // Another utility's agent does not see it.
    const other = await seedAgent((await seedTown()).utilityId);
    expect((await workOrderQueue(other)).some((q) => q.id === workOrderId)).toBe(false);
    await expect(transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: other }, t0)).rejects.toMatchObject({ code: 'not_found' });
    expect(town.utilityId).not.toBe(other.utilityId);
  });

  it('is claimed, answered and resolved through the state machine; resolving it resolves the incident and tells every attached resident', async () => {
    const t0 = at('2026-11-25T10:00:00');
    const { homes, agent, incidentId, workOrderId } = await outage(t0);
    // A fourth household says "me too".
    await joinIncident({ residentId: homes[3]!.residentId, incidentId, accountId: homes[3]!.accountId, ip: '127.0.0.1' }, t0);
    const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

    await expect(transitionWorkOrder({ workOrderId, to: 'RESOLVED', actor: agent, message: '已修复' }, minutes(5))).rejects.toMatchObject({ code: 'invalid_transition' });
    await transitionWorkOrder({ workOrderId, to: 'ACKNOWLEDGED', actor: agent }, minutes(10));
    await replyToResident({ workOrderId, actor: agent, message: '换热站循环泵故障，正在抢修' }, minutes(12));
    expect((await incidentNotices(incidentId)).map((n) => n.template)).toEqual(Array(4).fill('incident_update'));
    await expect(
      recordTemperatures({ workOrderId, actor: agent, readings: [{ room: 'living', measuredOn: '2026-11-25', celsius: '15.0' }] }, minutes(13)),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    // The supervisor board cannot bypass the order.
    const supervisor = await seedAgent(agent.utilityId, 'SUPERVISOR');
    await expect(updateIncident({ incidentId, actor: supervisor, resolve: true }, minutes(14))).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await stationNoticesFor(homes[0]!.residentId)).toHaveLength(1);

    await transitionWorkOrder({ workOrderId, to: 'RESOLVED', actor: agent, message: '循环泵已更换，供热恢复' }, minutes(180));
    const incident = await pool().query(`SELECT status, resolved_at FROM incident WHERE id = $1`, [incidentId]);
    expect(incident.rows[0]).toMatchObject({ status: 'RESOLVED', resolved_at: minutes(180) });
    expect(await stationNoticesFor(homes[0]!.residentId)).toEqual([]);
    const resolved = (await incidentNotices(incidentId)).filter((n) => n.template === 'incident_resolved');
    expect(resolved.map((n) => n.residentId).sort()).toEqual(homes.map((h) => h.residentId).sort());
    expect(resolved[0]!.params).toEqual({ subject: '测试换热站', message: '循环泵已更换，供热恢复' });
    const audit = await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'incident.resolve'`, [incidentId]);
    expect(audit.rows[0].n).toBe(1);
    // A resident cannot act on an incident's order.
    const resident = { kind: 'RESIDENT' as const, residentId: homes[0]!.residentId };
    await expect(transitionWorkOrder({ workOrderId, to: 'REOPENED', actor: resident }, minutes(200))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an order cannot claim both a complaint and an incident', async () => {
    const { incidentId, workOrderId } = await outage(new Date());
    const complaint = await pool().query<{ id: string }>(`SELECT id FROM complaint LIMIT 1`);
    await expect(pool().query(`UPDATE work_order SET complaint_id = $2 WHERE id = $1`, [workOrderId, complaint.rows[0]!.id])).rejects.toThrow(/exactly its own subject/);
    expect(incidentId).toBeTruthy();
  });
});
