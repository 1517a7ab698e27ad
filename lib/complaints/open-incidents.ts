import type pg from 'pg';
import { recordAudit } from '@/lib/audit/record';
import { openIncidentWorkOrder } from './incident-work-order';

/**
 * Incidents open themselves: a term surge once per term and day, a station outage once while
 * the station has none open. Both inserts rely on partial unique indexes (see the complaints
 * migration), so racing callers cannot open two. Only the transaction whose insert won opens the
 * incident's work order, so each incident has exactly one.
 */
export async function openTermIncident(
  client: pg.PoolClient,
  surge: { utilityId: string; term: string; day: string; count: number; threshold: number },
  now: Date,
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO incident (utility_id, kind, term, day, trigger_count, threshold, opened_at)
     VALUES ($1, 'TERM_SURGE', $2, $3, $4, $5, $6)
     ON CONFLICT (utility_id, term, day) WHERE kind = 'TERM_SURGE' DO NOTHING
     RETURNING id`,
    [surge.utilityId, surge.term, surge.day, surge.count, surge.threshold, now],
  );
  const id = rows[0]?.id ?? null;
  if (id) {
    await openIncidentWorkOrder(client, { id, utilityId: surge.utilityId, kind: 'TERM_SURGE' }, now);
    await recordAudit(
      { actorKind: 'SYSTEM', utilityId: surge.utilityId, action: 'incident.open_surge', entity: 'incident', entityId: id, detail: surge },
      now,
      client,
    );
  }
  return id;
}

export interface StationCheck {
  utilityId: string;
  stationId: string;
  threshold: number;
  windowMinutes: number;
  expectedFixHours: number;
}

/**
 * Counts heat complaints from the station's accounts within the window (this transaction's own
 * included) and opens an outage incident when they reach the threshold. Returns the station's
 * open incident, whether it opened now or earlier.
 */
export async function checkStationOutage(client: pg.PoolClient, check: StationCheck, now: Date): Promise<string | null> {
  // Serialises heat complaints of one station, so two filed together are counted together.
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('station-outage:' || $1))`, [check.stationId]);
  const open = await client.query<{ id: string }>(
    `SELECT id FROM incident WHERE station_id = $1 AND kind = 'STATION_OUTAGE' AND status = 'OPEN'`,
    [check.stationId],
  );
  if (open.rows[0]) return open.rows[0].id;
  const since = new Date(now.getTime() - check.windowMinutes * 60_000);
  const { rows: counted } = await client.query<{ n: number }>(
    `SELECT count(DISTINCT account_id)::int AS n FROM complaint
     WHERE station_id = $1 AND problem IN ('NOT_WARM', 'NO_HEAT') AND created_at > $2`,
    [check.stationId, since],
  );
  const n = counted[0]?.n ?? 0;
  if (n < check.threshold) return null;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO incident (utility_id, kind, station_id, trigger_count, threshold, opened_at, expected_fix_at)
     VALUES ($1, 'STATION_OUTAGE', $2, $3, $4, $5, $6)
     ON CONFLICT (station_id) WHERE kind = 'STATION_OUTAGE' AND status = 'OPEN' DO NOTHING
     RETURNING id`,
    [check.utilityId, check.stationId, n, check.threshold, now, new Date(now.getTime() + check.expectedFixHours * 3_600_000)],
  );
  const id = rows[0]?.id;
  if (!id) return null;
  await openIncidentWorkOrder(client, { id, utilityId: check.utilityId, kind: 'STATION_OUTAGE' }, now);
  // Everyone who complained within the window is part of the outage.
  await client.query(
    `INSERT INTO incident_member (incident_id, account_id, resident_id, complaint_id, joined_at)
     SELECT DISTINCT ON (account_id) $1::uuid, account_id, resident_id, id, created_at FROM complaint
     WHERE station_id = $2 AND problem IN ('NOT_WARM', 'NO_HEAT') AND created_at > $3
     ORDER BY account_id, created_at
     ON CONFLICT DO NOTHING`,
    [id, check.stationId, since],
  );
  await recordAudit(
    { actorKind: 'SYSTEM', utilityId: check.utilityId, action: 'incident.open_station', entity: 'incident', entityId: id, detail: { stationId: check.stationId, complaints: n } },
    now,
    client,
  );
  return id;
}
