import { recordAudit } from '@/lib/audit/record';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';

/**
 * "Me too": attaches a resident's account to an open station outage instead of a duplicate
 * complaint. Only an account bound to the resident and served by that station may join;
 * joining twice changes nothing.
 */
export async function joinIncident(
  input: { residentId: string; incidentId: string; accountId: string; ip: string },
  now: Date,
): Promise<{ joined: boolean }> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ utility_id: string; status: string }>(
      `SELECT i.utility_id, i.status FROM incident i
       JOIN building b ON b.station_id = i.station_id
       JOIN heating_account a ON a.building_id = b.id AND a.id = $3
       JOIN resident_account ra ON ra.account_id = a.id AND ra.resident_id = $2
       WHERE i.id = $1 AND i.kind = 'STATION_OUTAGE'`,
      [input.incidentId, input.residentId, input.accountId],
    );
    const incident = rows[0];
    if (!incident) throw new AppError('not_found', 'incident');
    if (incident.status !== 'OPEN') throw new AppError('invalid_transition', 'incident resolved');
    const { rowCount } = await client.query(
      `INSERT INTO incident_member (incident_id, account_id, resident_id, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [input.incidentId, input.accountId, input.residentId, now],
    );
    if (rowCount === 1) {
      await recordAudit(
        {
          actorKind: 'RESIDENT',
          actorId: input.residentId,
          utilityId: incident.utility_id,
          action: 'incident.join',
          entity: 'incident',
          entityId: input.incidentId,
          ip: input.ip,
          detail: { accountId: input.accountId },
        },
        now,
        client,
      );
    }
    return { joined: rowCount === 1 };
  });
}
