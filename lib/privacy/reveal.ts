import { recordAudit } from '@/lib/audit/record';
import type { StaffIdentity, StaffRole } from '@/lib/auth/current';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { decryptField } from './field-crypto';

/**
 * Shows one account holder's full phone or ID number to a staff member whose role carries that
 * right. The audit entry (who, which account, which field, when, from where) commits before the
 * value leaves the server: no reveal without its record.
 */
export const REVEAL_ROLES: readonly StaffRole[] = ['SUPERVISOR', 'ADMIN'];
export type RevealField = 'phone' | 'id_number';

export function canReveal(role: StaffRole): boolean {
  return REVEAL_ROLES.includes(role);
}

export async function revealAccountField(staff: StaffIdentity, accountId: string, field: RevealField, ip: string, now: Date): Promise<string> {
  if (!canReveal(staff.role)) throw new AppError('forbidden', `role ${staff.role} cannot reveal personal data`);
  const stored = await withTransaction(async (client) => {
    const { rows } = await client.query<{ value: string | null }>(
      `SELECT ${field === 'phone' ? 'holder_phone_enc' : 'holder_id_no_enc'} AS value FROM heating_account WHERE id = $1 AND utility_id = $2`,
      [accountId, staff.utilityId],
    );
    const value = rows[0]?.value;
    if (!value) throw new AppError('not_found', `account ${accountId} ${field}`);
    await recordAudit(
      { actorKind: 'STAFF', actorId: staff.staffId, utilityId: staff.utilityId, action: 'pii.reveal', entity: 'heating_account', entityId: accountId, ip, detail: { field } },
      now,
      client,
    );
    return value;
  });
  return decryptField(stored, env().piiKeyring);
}
