import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { getMyComplaint, listMyComplaints } from '@/lib/complaints/resident-queries';
import { AppError } from '@/lib/errors/app-error';
import { boss } from '@/lib/jobs/boss';
import { at, filing, seedHome, seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

describe('filing a complaint', () => {
  it('saves the complaint, opens its work order with stored deadlines and a public timeline entry', async () => {
    const town = await seedTown({ seasonStart: '10-20' });
    const home = await seedHome(town);
    const now = at('2026-11-25T10:00:00');
    const filed = await fileComplaint(filing(home, { indoorCelsius: '15.5', sinceDate: '2026-11-24' }), now);
    expect(filed.created).toBe(true);
    const detail = await getMyComplaint(home.residentId, filed.complaintId);
    expect(detail).toMatchObject({ state: 'OPEN', indoorCelsius: '15.5', sinceDate: '2026-11-24', rooms: ['living'] });
    expect(detail!.clocks.responseDueAt).toEqual(at('2026-11-25T12:00:00'));
    expect(detail!.clocks.fixDueAt).toEqual(at('2026-11-27T10:00:00'));
    expect(detail!.events.map((e) => e.kind)).toEqual(['filed']);
    const { rows } = await pool().query(`SELECT priority, category, hotwords FROM work_order w JOIN complaint c ON c.id = w.complaint_id WHERE c.id = $1`, [filed.complaintId]);
    expect(rows[0]).toMatchObject({ priority: 'NORMAL', category: 'NOT_WARM' });
    expect(rows[0].hotwords.map((h: { term: string }) => h.term)).toContain('暖气不热');
  });

  it('gives a double submit the complaint the first submit created', async () => {
    const home = await seedHome(await seedTown());
    const input = filing(home);
    const now = new Date();
    const [a, b] = await Promise.all([fileComplaint(input, now), fileComplaint(input, now)]);
    expect(a.complaintId).toBe(b.complaintId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await fileComplaint(input, now);
    expect(again).toMatchObject({ complaintId: a.complaintId, created: false });
    expect(await listMyComplaints(home.residentId)).toHaveLength(1);
  });

  it('raises the priority of a burst pipe and of a total outage', async () => {
    const home = await seedHome(await seedTown());
    const leak = await fileComplaint(filing(home, { problem: 'LEAK', description: '水管爆了，哗哗流' }), new Date());
    const none = await fileComplaint(filing(home, { problem: 'NO_HEAT', description: '' }), new Date());
    const { rows } = await pool().query<{ complaint_id: string; priority: string }>(
      `SELECT complaint_id, priority FROM work_order WHERE complaint_id = ANY($1)`,
      [[leak.complaintId, none.complaintId]],
    );
    const byId = new Map(rows.map((r) => [r.complaint_id, r.priority]));
    expect(byId.get(leak.complaintId)).toBe('HIGH');
    expect(byId.get(none.complaintId)).toBe('HIGH');
  });

  it('refuses an account that is not bound to the resident, and saves nothing', async () => {
    const town = await seedTown();
    const mine = await seedHome(town);
    const theirs = await seedHome(town);
    const error = await fileComplaint(filing(mine, { accountId: theirs.accountId }), new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
    expect(await listMyComplaints(mine.residentId)).toEqual([]);
    expect(await listMyComplaints(theirs.residentId)).toEqual([]);
  });

  it('refuses a bad phone or a future start date', async () => {
    const home = await seedHome(await seedTown());
    const now = at('2026-11-25T10:00:00');
    await expect(fileComplaint(filing(home, { contactPhone: '12345' }), now)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(fileComplaint(filing(home, { sinceDate: '2026-11-26' }), now)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('a resident never reads a complaint on someone else’s account', async () => {
    const town = await seedTown();
    const mine = await seedHome(town);
    const theirs = await seedHome(town);
    const filed = await fileComplaint(filing(theirs), new Date());
    expect(await getMyComplaint(mine.residentId, filed.complaintId)).toBeNull();
    expect(await getMyComplaint(theirs.residentId, filed.complaintId)).not.toBeNull();
  });
});

describe('station outage', () => {
  it('opens one incident when the station passes its threshold within the hour, and attaches every complainant', async () => {
    const town = await seedTown({ stationOutageThreshold: 3, stationOutageWindowMinutes: 60 });
    const homes = await Promise.all([1, 2, 3, 4].map(() => seedHome(town)));
    const now = new Date();
    // The first two are far apart from nothing; then two arrive together.
    await fileComplaint(filing(homes[0]!), now);
    await fileComplaint(filing(homes[1]!, { problem: 'LEAK', description: '漏水' }), now);
    expect((await pool().query(`SELECT 1 FROM incident WHERE station_id = $1`, [town.stationId])).rowCount).toBe(0);
    await Promise.all([fileComplaint(filing(homes[2]!), now), fileComplaint(filing(homes[3]!), now)]);
    const { rows } = await pool().query<{ id: string; trigger_count: number }>(
      `SELECT id, trigger_count FROM incident WHERE station_id = $1 AND kind = 'STATION_OUTAGE'`,
      [town.stationId],
    );
    expect(rows).toHaveLength(1);
    const members = await pool().query<{ account_id: string }>(`SELECT account_id FROM incident_member WHERE incident_id = $1`, [rows[0]!.id]);
    // The leak does not count and does not join.
    expect(members.rows.map((m) => m.account_id).sort()).toEqual([homes[0]!, homes[2]!, homes[3]!].map((h) => h.accountId).sort());
  });

  it('does not count complaints older than the window', async () => {
    const town = await seedTown({ stationOutageThreshold: 2, stationOutageWindowMinutes: 60 });
    const [a, b] = await Promise.all([seedHome(town), seedHome(town)]);
    await fileComplaint(filing(a), at('2026-11-25T08:00:00'));
    await fileComplaint(filing(b), at('2026-11-25T09:01:00'));
    expect((await pool().query(`SELECT 1 FROM incident WHERE station_id = $1`, [town.stationId])).rowCount).toBe(0);
  });
});
