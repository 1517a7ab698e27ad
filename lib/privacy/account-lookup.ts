import { recordAudit } from '@/lib/audit/record';
import type { StaffIdentity } from '@/lib/auth/current';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { blindIndex, decryptField } from './field-crypto';
import { parseIdNumber } from './id-number';
import { maskIdNumber, maskPhone } from './mask';
import { normalizeMobile } from './phone';

/**
 * Staff account lookup by 户号, phone or ID number, within the staff member's utility. Phones and
 * ID numbers are found through their keyed hashes and shown masked; every lookup is audited
 * (by which kind of key, never the key itself).
 */
export interface AccountCard {
  id: string;
  accountNo: string;
  holderName: string;
  phoneMasked: string | null;
  idMasked: string | null;
  address: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
  openingBalanceFen: bigint | null;
  archivedBills: number;
  mergedFrom: string[];
}

type Key = { by: 'phone' | 'id_number'; hash: string } | { by: 'account_no'; accountNo: string };

function keyOf(query: string, now: Date): Key {
  const ring = env().piiKeyring;
  const phone = normalizeMobile(query);
  if (phone) return { by: 'phone', hash: blindIndex(phone, ring, 'phone') };
  const id = parseIdNumber(query, now);
  if (id.ok) return { by: 'id_number', hash: blindIndex(id.value, ring, 'id-number') };
  return { by: 'account_no', accountNo: query.trim() };
}

export async function lookupAccounts(staff: StaffIdentity, query: string, ip: string, now: Date): Promise<AccountCard[]> {
  const key = keyOf(query, now);
  const where =
    key.by === 'phone' ? 'a.holder_phone_hash = $2'
    : key.by === 'id_number' ? 'a.holder_id_no_hash = $2'
    : '(a.account_no = $2 OR a.id IN (SELECT account_id FROM import_merge WHERE legacy_account_no = $2))';
  const { rows } = await pool().query<{
    id: string; account_no: string; holder_name: string; holder_phone_enc: string | null; holder_id_no_enc: string | null;
    address: string; status: AccountCard['status']; opening: string | null; archived: string; merged: string[] | null;
  }>(
    `SELECT a.id, a.account_no, a.holder_name, a.holder_phone_enc, a.holder_id_no_enc, a.address, a.status,
            ia.opening_balance_fen::text AS opening,
            (SELECT count(*) FROM bill_archive b WHERE b.account_id = a.id)::text AS archived,
            (SELECT array_agg(m.legacy_account_no ORDER BY m.id) FROM import_merge m WHERE m.account_id = a.id) AS merged
     FROM heating_account a LEFT JOIN imported_account ia ON ia.account_id = a.id
     WHERE a.utility_id = $1 AND ${where} ORDER BY a.account_no LIMIT 20`,
    [staff.utilityId, key.by === 'account_no' ? key.accountNo : key.hash],
  );
  await recordAudit(
    { actorKind: 'STAFF', actorId: staff.staffId, utilityId: staff.utilityId, action: 'account.lookup', entity: 'heating_account', ip, detail: { by: key.by, results: rows.length } },
    now,
  );
  const ring = env().piiKeyring;
  return rows.map((r) => ({
    id: r.id,
    accountNo: r.account_no,
    holderName: r.holder_name,
    phoneMasked: r.holder_phone_enc ? maskPhone(decryptField(r.holder_phone_enc, ring)) : null,
    idMasked: r.holder_id_no_enc ? maskIdNumber(decryptField(r.holder_id_no_enc, ring)) : null,
    address: r.address,
    status: r.status,
    openingBalanceFen: r.opening === null ? null : BigInt(r.opening),
    archivedBills: Number(r.archived),
    mergedFrom: r.merged ?? [],
  }));
}
