import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { pool } from '@/lib/db/client';
import { sessionSubject } from './sessions';

/** The signed-in resident, checked against the session row (so revoked sessions stop at once). */
export async function currentResident(): Promise<{ residentId: string; sid: string } | null> {
  const session = await auth();
  if (!session?.sid || session.kind !== 'RESIDENT') return null;
  const residentId = await sessionSubject(session.sid, 'RESIDENT', new Date());
  return residentId ? { residentId, sid: session.sid } : null;
}

export async function requireResident(): Promise<{ residentId: string; sid: string }> {
  const resident = await currentResident();
  if (!resident) redirect('/login');
  return resident;
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
  const session = await auth();
  if (!session?.sid || session.kind !== 'STAFF') return null;
  const { rows } = await pool().query<{ id: string; utility_id: string; role: StaffRole; name: string; username: string }>(
    `SELECT s.id, s.utility_id, s.role, s.name, s.username
     FROM auth_session x JOIN staff s ON s.id = x.subject_id
     WHERE x.id = $1 AND x.kind = 'STAFF' AND x.revoked_at IS NULL AND x.expires_at > now() AND s.active`,
    [session.sid],
  );
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
