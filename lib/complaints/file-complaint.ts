import { recordAudit } from '@/lib/audit/record';
import { hit } from '@/lib/auth/rate-limit';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { encryptField } from '@/lib/privacy/field-crypto';
import { normalizeMobile } from '@/lib/privacy/phone';
import { appendEvent } from './events';
import { HEAT_PROBLEMS, type FilingInput } from './fields';
import { formatShanghai } from './format';
import { hotwordLibrary } from './hotword-library';
import { enqueueNotice } from './notices';
import { checkStationOutage } from './open-incidents';
import { complaintPriority } from './priority';
import { parseComplaintPromise } from './promise';
import { countTerms, recordMentions } from './record-mentions';
import { shanghaiDay } from './shanghai';
import { deadlinesFrom } from './sla';

/**
 * Files a complaint and opens its work order with the SLA deadlines, in one transaction: the
 * complaint, the order, the first timeline entry, the mention counts, station-outage membership,
 * the audit line and the notice all commit together or not at all. The page's idempotency key
 * makes a double submit return the complaint the first submit created.
 */
export const COMPLAINTS_PER_HOUR = 20;

export interface Filed {
  complaintId: string;
  number: number;
  created: boolean;
}

interface AccountRow {
  utility_id: string;
  station_id: string;
  service_promise: unknown;
}

export async function fileComplaint(input: FilingInput & { residentId: string; ip: string }, now: Date): Promise<Filed> {
  const phone = normalizeMobile(input.contactPhone);
  if (!phone) throw new AppError('invalid_input', 'contactPhone');
  if (input.sinceDate && input.sinceDate > shanghaiDay(now)) throw new AppError('invalid_input', 'sinceDate');

  const existing = await findByKey(input.residentId, input.idempotencyKey);
  if (existing) return existing;
  await hit({ key: `complaint:${input.residentId}`, windowSeconds: 3600, max: COMPLAINTS_PER_HOUR }, now);

  return withTransaction(async (client) => {
    const { rows: accounts } = await client.query<AccountRow>(
      `SELECT a.utility_id, b.station_id, u.service_promise
       FROM resident_account ra
       JOIN heating_account a ON a.id = ra.account_id
       JOIN building b ON b.id = a.building_id
       JOIN utility u ON u.id = a.utility_id
       WHERE ra.resident_id = $1 AND ra.account_id = $2`,
      [input.residentId, input.accountId],
    );
    const account = accounts[0];
    // Someone else's account reads exactly like a missing one.
    if (!account) throw new AppError('not_found', 'account');
    const promise = parseComplaintPromise(account.service_promise);
    const library = await hotwordLibrary(account.utility_id);
    const matched = library.matcher.match(input.description);

    const { rows: inserted } = await client.query<{ id: string; number: number }>(
      `INSERT INTO complaint (utility_id, account_id, station_id, resident_id, idempotency_key, problem, rooms, indoor_celsius,
         since_date, description, contact_phone_enc, preferred_visits, hotwords, category, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (resident_id, idempotency_key) DO NOTHING
       RETURNING id, number`,
      [
        account.utility_id,
        input.accountId,
        account.station_id,
        input.residentId,
        input.idempotencyKey,
        input.problem,
        input.rooms,
        input.indoorCelsius ?? null,
        input.sinceDate ?? null,
        input.description,
        encryptField(phone, env().piiKeyring),
        input.preferredVisits,
        JSON.stringify(matched.terms.map(({ term, category, severity }) => ({ term, category, severity }))),
        matched.category,
        now,
      ],
    );
    const complaint = inserted[0];
    if (!complaint) {
      // The other submit of a double click committed first while this one waited on its row.
      const raced = await findByKey(input.residentId, input.idempotencyKey);
      if (!raced) throw new AppError('conflict', 'idempotency key');
      return raced;
    }

    const deadlines = deadlinesFrom(now, promise);
    const { rows: orders } = await client.query<{ id: string }>(
      `INSERT INTO work_order (utility_id, complaint_id, state, priority, response_due_at, temperature_due_at, fix_due_at, clocks_started_at, created_at, updated_at)
       VALUES ($1, $2, 'OPEN', $3, $4, $5, $6, $7, $7, $7) RETURNING id`,
      [
        account.utility_id,
        complaint.id,
        complaintPriority(input.problem, matched.priority),
        deadlines.responseDueAt,
        deadlines.temperatureDueAt,
        deadlines.fixDueAt,
        now,
      ],
    );
    const workOrderId = orders[0]!.id;
    await appendEvent(
      client,
      { workOrderId, actorKind: 'RESIDENT', actorId: input.residentId, kind: 'filed', toState: 'OPEN', visibility: 'PUBLIC' },
      now,
    );

    await recordMentions(
      client,
      { utilityId: account.utility_id, day: shanghaiDay(now), counts: countTerms([matched.terms]), thresholds: library.thresholds },
      now,
    );
    if (HEAT_PROBLEMS.includes(input.problem)) {
      const incidentId = await checkStationOutage(
        client,
        {
          utilityId: account.utility_id,
          stationId: account.station_id,
          threshold: promise.stationOutageThreshold,
          windowMinutes: promise.stationOutageWindowMinutes,
          expectedFixHours: promise.fixHours,
        },
        now,
      );
      if (incidentId) {
        await client.query(
          `INSERT INTO incident_member (incident_id, account_id, resident_id, complaint_id, joined_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [incidentId, input.accountId, input.residentId, complaint.id, now],
        );
      }
    }

    await recordAudit(
      {
        actorKind: 'RESIDENT',
        actorId: input.residentId,
        utilityId: account.utility_id,
        action: 'complaint.file',
        entity: 'complaint',
        entityId: complaint.id,
        ip: input.ip,
        detail: { number: complaint.number, problem: input.problem, workOrderId },
      },
      now,
      client,
    );
    await enqueueNotice(client, {
      complaintId: complaint.id,
      template: 'complaint_filed',
      params: { due: formatShanghai(deadlines.responseDueAt) },
    });
    return { complaintId: complaint.id, number: complaint.number, created: true };
  });
}

async function findByKey(residentId: string, key: string): Promise<Filed | null> {
  const { rows } = await pool().query<{ id: string; number: number }>(
    `SELECT id, number FROM complaint WHERE resident_id = $1 AND idempotency_key = $2`,
    [residentId, key],
  );
  const row = rows[0];
  return row ? { complaintId: row.id, number: row.number, created: false } : null;
}
