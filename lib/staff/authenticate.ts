import { AppError } from '@/lib/errors/app-error';
import { pool } from '@/lib/db/client';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '@/lib/auth/password';
import { hit } from '@/lib/auth/rate-limit';

/** Staff sign-in by username and password, limited per username and per address. */
export async function authenticateStaff(
  username: string,
  password: string,
  ip: string,
  now: Date,
): Promise<{ id: string; utilityId: string } | null> {
  await hit({ key: `staff-ip:${ip}`, windowSeconds: 900, max: 30 }, now);
  await hit({ key: `staff-user:${username.toLowerCase()}`, windowSeconds: 900, max: 10 }, now);
  const { rows } = await pool().query<{ id: string; utility_id: string; password_hash: string; active: boolean }>(
    `SELECT id, utility_id, password_hash, active FROM staff WHERE lower(username) = lower($1)`,
    [username],
  );
  const staff = rows[0];
  // Same work whether or not the username exists, so timing does not reveal which.
  const ok = await verifyPassword(password, staff?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!staff || !ok) return null;
  if (!staff.active) throw new AppError('forbidden', 'staff account disabled');
  return { id: staff.id, utilityId: staff.utility_id };
}
