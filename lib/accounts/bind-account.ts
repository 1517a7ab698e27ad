import { AppError } from '@/lib/errors/app-error';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/audit/record';
import { hit } from '@/lib/auth/rate-limit';

/**
 * Links an account to a resident who knows its 户号 and the holder's name as printed on the bill.
 * A mismatch never says which of the two was wrong, and attempts are limited, so account numbers
 * cannot be harvested.
 */
export const BIND_ATTEMPTS_PER_HOUR = 10;

function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

export async function bindAccount(
  input: { residentId: string; utilityId: string; accountNo: string; holderName: string; ip: string },
  now: Date,
): Promise<{ accountId: string; accountNo: string }> {
  await hit({ key: `bind:${input.residentId}`, windowSeconds: 3600, max: BIND_ATTEMPTS_PER_HOUR }, now);
  const accountNo = input.accountNo.normalize('NFKC').trim();
  const { rows } = await pool().query<{ id: string; holder_name: string; status: string }>(
    `SELECT id, holder_name, status FROM heating_account WHERE utility_id = $1 AND account_no = $2`,
    [input.utilityId, accountNo],
  );
  const account = rows[0];
  if (!account || account.status === 'CLOSED' || normaliseName(account.holder_name) !== normaliseName(input.holderName)) {
    throw new AppError('binding_mismatch');
  }
  await withTransaction(async (client) => {
    await client.query(
      `INSERT INTO resident_account (resident_id, account_id, bound_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [input.residentId, account.id, now],
    );
    await recordAudit(
      {
        actorKind: 'RESIDENT',
        actorId: input.residentId,
        utilityId: input.utilityId,
        action: 'account.bind',
        entity: 'heating_account',
        entityId: account.id,
        ip: input.ip,
      },
      now,
      client,
    );
  });
  return { accountId: account.id, accountNo };
}
