import { recordAudit } from '@/lib/audit/record';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { decryptField } from './field-crypto';
import { maskIdNumber, maskPhone } from './mask';

/**
 * A resident's copy of their personal data (个人信息查阅复制权): their sign-in phone in full (it is
 * theirs), the accounts bound to them with the holder's phone and ID masked (a bound account's
 * holder may be another family member), bills, closure requests and what they did. Audited.
 */
export async function residentDataExport(residentId: string, ip: string, now: Date): Promise<Record<string, unknown>> {
  const ring = env().piiKeyring;
  const db = pool();
  const resident = await db.query<{ phone_enc: string; name: string | null; created_at: Date }>(
    `SELECT phone_enc, name, created_at FROM resident WHERE id = $1`,
    [residentId],
  );
  const me = resident.rows[0];
  if (!me) throw new Error(`resident ${residentId} not found`);
  const accounts = await db.query<{
    id: string; account_no: string; holder_name: string; holder_phone_enc: string | null; holder_id_no_enc: string | null;
    address: string; building_area_m2: string; usable_area_m2: string; status: string; bound_at: Date; utility: string;
  }>(
    `SELECT a.id, a.account_no, a.holder_name, a.holder_phone_enc, a.holder_id_no_enc, a.address, a.building_area_m2::text,
            a.usable_area_m2::text, a.status, ra.bound_at, u.name AS utility
     FROM resident_account ra JOIN heating_account a ON a.id = ra.account_id JOIN utility u ON u.id = a.utility_id
     WHERE ra.resident_id = $1 ORDER BY a.account_no`,
    [residentId],
  );
  // Archived bills are the resident's data too (bill_all: live and archived).
  const bills = await db.query<{ account_id: string; season: number; kind: string; status: string; principal_fen: string; issued_at: Date; archived: boolean }>(
    `SELECT b.account_id, b.season, b.kind, b.status, b.principal_fen::text, b.issued_at, b.archived FROM bill_all b
     WHERE b.account_id IN (SELECT account_id FROM resident_account WHERE resident_id = $1) ORDER BY b.season, b.issued_at`,
    [residentId],
  );
  const closures = await db.query(`SELECT requested_at, reason, status, handled_at FROM closure_request WHERE resident_id = $1`, [residentId]);
  const activity = await db.query<{ at: Date; action: string; entity: string; ip: string | null }>(
    `SELECT at, action, entity, ip FROM audit_log WHERE actor_kind = 'RESIDENT' AND actor_id = $1 ORDER BY at DESC LIMIT 1000`,
    [residentId],
  );
  await recordAudit({ actorKind: 'RESIDENT', actorId: residentId, action: 'resident.export', entity: 'resident', entityId: residentId, ip }, now);
  return {
    exportedAt: now.toISOString(),
    resident: { phone: decryptField(me.phone_enc, ring), name: me.name, createdAt: me.created_at.toISOString() },
    accounts: accounts.rows.map((a) => ({
      accountNo: a.account_no,
      utility: a.utility,
      holderName: a.holder_name,
      holderPhone: a.holder_phone_enc ? maskPhone(decryptField(a.holder_phone_enc, ring)) : null,
      holderIdNumber: a.holder_id_no_enc ? maskIdNumber(decryptField(a.holder_id_no_enc, ring)) : null,
      address: a.address,
      buildingAreaM2: a.building_area_m2,
      usableAreaM2: a.usable_area_m2,
      status: a.status,
      boundAt: a.bound_at.toISOString(),
      bills: bills.rows
        .filter((b) => b.account_id === a.id)
        .map((b) => ({
          season: b.season, kind: b.kind, status: b.status, principalFen: b.principal_fen, issuedAt: b.issued_at.toISOString(), archived: b.archived,
        })),
    })),
    closureRequests: closures.rows,
    activity: activity.rows.map((r) => ({ at: r.at.toISOString(), action: r.action, entity: r.entity, ip: r.ip })),
  };
}
