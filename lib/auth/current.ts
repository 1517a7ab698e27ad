import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { sessionFromCookies, type CookieSession } from './session-cookie';
import { sessionSubject } from './sessions';

/**
 * The session the request's cookie names. The cookie is read with a key derived once per process
 * (next-auth's auth() derives it and decrypts through WebCrypto on every call, the largest cost of
 * a signed-in page); a cookie split in chunks is left to next-auth.
 */
export async function cookieSession(): Promise<CookieSession | null> {
  const jar = await cookies();
  const session = await sessionFromCookies((name) => jar.get(name)?.value, jar.getAll().map((c) => c.name), env().AUTH_SECRET);
  if (session !== undefined) return session;
  const viaNextAuth = await auth();
  return viaNextAuth?.sid ? { sid: viaNextAuth.sid, kind: viaNextAuth.kind } : null;
}

/** The signed-in resident, checked against the session row (so revoked sessions stop at once). */
export async function currentResident(): Promise<{ residentId: string; sid: string } | null> {
  const session = await cookieSession();
  if (!session || session.kind !== 'RESIDENT') return null;
  const residentId = await sessionSubject(session.sid, 'RESIDENT', new Date());
  return residentId ? { residentId, sid: session.sid } : null;
}

export async function requireResident(): Promise<{ residentId: string; sid: string }> {
  const resident = await currentResident();
  if (!resident) redirect('/login');
  return resident;
}

/**
 * A resident page's read that checks the session in its own statement, so the page makes one
 * round trip instead of a session check and then its read (each costs CPU while Next renders).
 * `read` answers null when the session is not a valid resident session; the page then sends the
 * visitor to sign in, as requireResident does.
 */
export async function readAsResident<T>(read: (sid: string, now: Date) => Promise<T | null>, now = new Date()): Promise<T> {
  const session = await cookieSession();
  const found = session?.kind === 'RESIDENT' ? await read(session.sid, now) : null;
  if (found === null) redirect('/login');
  return found;
}

export type StaffRole = 'AGENT' | 'SUPERVISOR' | 'ADMIN';

export interface StaffIdentity {
  staffId: string;
  sid: string;
  utilityId: string;
  role: StaffRole;
  name: string;
  username: string;
}

export async function currentStaff(): Promise<StaffIdentity | null> {
  const session = await cookieSession();
  if (!session || session.kind !== 'STAFF') return null;
  const { rows } = await pool().query<{ id: string; utility_id: string; role: StaffRole; name: string; username: string }>({
    name: 'current-staff',
    text: `SELECT s.id, s.utility_id, s.role, s.name, s.username
           FROM auth_session x JOIN staff s ON s.id = x.subject_id
           WHERE x.id = $1 AND x.kind = 'STAFF' AND x.revoked_at IS NULL AND x.expires_at > now() AND s.active`,
    values: [session.sid],
  });
  const row = rows[0];
  return row
    ? { staffId: row.id, sid: session.sid, utilityId: row.utility_id, role: row.role, name: row.name, username: row.username }
    : null;
}

export async function requireStaff(roles?: readonly StaffRole[]): Promise<StaffIdentity> {
  const staff = await currentStaff();
  if (!staff) redirect('/staff/login');
  if (roles && !roles.includes(staff.role)) redirect('/staff?denied=1');
  return staff;
}
