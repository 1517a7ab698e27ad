import { randomUUID } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import type { StaffIdentity } from '@/lib/auth/current';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { decryptField, encryptField } from './field-crypto';
import { maskPhone } from './mask';

/**
 * A resident asks for their portal account to be closed; staff close it or refuse. Closing
 * unbinds every account, revokes every session and replaces the sign-in phone and its hash, so
 * the number is gone and a later sign-in starts a new, empty account. Bills and payments belong
 * to the heating account, not the resident, and stay (accounting rules).
 */
export async function requestClosure(residentId: string, reason: string | null, ip: string, now: Date): Promise<{ requestedAt: Date }> {
  return withTransaction(async (client) => {
    // One open request at a time: a second click returns the first.
    await client.query(`SELECT id FROM resident WHERE id = $1 FOR UPDATE`, [residentId]);
    const open = await client.query<{ requested_at: Date }>(
      `SELECT requested_at FROM closure_request WHERE resident_id = $1 AND status = 'REQUESTED'`,
      [residentId],
    );
    if (open.rows[0]) return { requestedAt: open.rows[0].requested_at };
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO closure_request (resident_id, requested_at, reason) VALUES ($1, $2, $3) RETURNING id`,
      [residentId, now, reason],
    );
    await recordAudit({ actorKind: 'RESIDENT', actorId: residentId, action: 'closure.request', entity: 'closure_request', entityId: rows[0]!.id, ip }, now, client);
    return { requestedAt: now };
  });
}

export async function openClosureRequest(residentId: string): Promise<Date | null> {
  const { rows } = await pool().query<{ requested_at: Date }>(
    `SELECT requested_at FROM closure_request WHERE resident_id = $1 AND status = 'REQUESTED'`,
    [residentId],
  );
  return rows[0]?.requested_at ?? null;
}

export interface ClosureListing {
  id: string;
  requestedAt: Date;
  reason: string | null;
  phoneMasked: string;
}

/** Open requests of residents bound to this utility's accounts, or bound to none. */
export async function listClosureRequests(utilityId: string): Promise<ClosureListing[]> {
  const { rows } = await pool().query<{ id: string; requested_at: Date; reason: string | null; phone_enc: string }>(
    `SELECT c.id, c.requested_at, c.reason, r.phone_enc FROM closure_request c JOIN resident r ON r.id = c.resident_id
     WHERE c.status = 'REQUESTED' AND (
       EXISTS (SELECT 1 FROM resident_account ra JOIN heating_account a ON a.id = ra.account_id WHERE ra.resident_id = r.id AND a.utility_id = $1)
       OR NOT EXISTS (SELECT 1 FROM resident_account ra WHERE ra.resident_id = r.id))
     ORDER BY c.requested_at LIMIT 100`,
    [utilityId],
  );
  const ring = env().piiKeyring;
  return rows.map((r) => ({ id: r.id, requestedAt: r.requested_at, reason: r.reason, phoneMasked: maskPhone(decryptField(r.phone_enc, ring)) }));
}

export async function handleClosure(staff: StaffIdentity, requestId: string, decision: 'DONE' | 'REFUSED', ip: string, now: Date): Promise<void> {
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ resident_id: string; status: string }>(
      `SELECT resident_id, status FROM closure_request WHERE id = $1 FOR UPDATE`,
      [requestId],
    );
    const request = rows[0];
    if (!request) throw new AppError('not_found', `closure request ${requestId}`);
    if (request.status !== 'REQUESTED') throw new AppError('invalid_transition', `closure request is ${request.status}`);
    await client.query(`UPDATE closure_request SET status = $2, handled_by = $3, handled_at = $4 WHERE id = $1`, [requestId, decision, staff.staffId, now]);
    if (decision === 'DONE') {
      const tombstone = `closed:${randomUUID()}`;
      await client.query(`DELETE FROM resident_account WHERE resident_id = $1`, [request.resident_id]);
      await client.query(`UPDATE auth_session SET revoked_at = $2 WHERE kind = 'RESIDENT' AND subject_id = $1 AND revoked_at IS NULL`, [request.resident_id, now]);
      await client.query(`UPDATE resident SET closed_at = $2, phone_hash = $3, phone_enc = $4, name = NULL WHERE id = $1`, [
        request.resident_id,
        now,
        tombstone,
        encryptField('', env().piiKeyring),
      ]);
    }
    await recordAudit(
      { actorKind: 'STAFF', actorId: staff.staffId, utilityId: staff.utilityId, action: `closure.${decision === 'DONE' ? 'close' : 'refuse'}`, entity: 'resident', entityId: request.resident_id, ip },
      now,
      client,
    );
  });
}
