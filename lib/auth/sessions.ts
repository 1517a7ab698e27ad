import { pool } from '@/lib/db/client';

/**
 * Server-side sessions. The signed cookie only names a row here; a session is valid while its row
 * is unrevoked and unexpired, so "sign out everywhere" takes effect on every process at once.
 * A row is created by the sign-in action and claimed exactly once by next-auth within
 * CLAIM_WINDOW_SECONDS to set the cookie.
 */
export type SubjectKind = 'RESIDENT' | 'STAFF';

export const SESSION_DAYS = { RESIDENT: 30, STAFF: 1 } as const;
const CLAIM_WINDOW_SECONDS = 120;

export async function createSession(
  kind: SubjectKind,
  subjectId: string,
  meta: { ip: string; userAgent: string },
  now: Date,
): Promise<string> {
  const expiresAt = new Date(now.getTime() + SESSION_DAYS[kind] * 86_400_000);
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO auth_session (kind, subject_id, created_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [kind, subjectId, now, expiresAt, meta.ip, meta.userAgent.slice(0, 300)],
  );
  return rows[0]!.id;
}

export interface ClaimedSession {
  sid: string;
  kind: SubjectKind;
  subjectId: string;
}

/** Marks a fresh session as handed to a browser; a second claim of the same id fails. */
export async function claimSession(sid: string, now: Date): Promise<ClaimedSession | null> {
  const { rows } = await pool().query<{ kind: SubjectKind; subject_id: string }>(
    `UPDATE auth_session SET claimed = true
     WHERE id = $1 AND NOT claimed AND revoked_at IS NULL AND expires_at > $2 AND created_at > $3
     RETURNING kind, subject_id`,
    [sid, now, new Date(now.getTime() - CLAIM_WINDOW_SECONDS * 1000)],
  );
  const row = rows[0];
  if (!row) return null;
  return { sid, kind: row.kind, subjectId: row.subject_id };
}

/** The subject a cookie's session id stands for, or null when signed out, revoked or expired. */
export async function sessionSubject(sid: string, kind: SubjectKind, now: Date): Promise<string | null> {
  const { rows } = await pool().query<{ subject_id: string }>({
    name: 'session-subject',
    text: `SELECT subject_id FROM auth_session WHERE id = $1 AND kind = $2 AND revoked_at IS NULL AND expires_at > $3`,
    values: [sid, kind, now],
  });
  return rows[0]?.subject_id ?? null;
}

export async function revokeSession(sid: string, now: Date): Promise<void> {
  await pool().query(`UPDATE auth_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sid, now]);
}

export async function revokeAllSessions(kind: SubjectKind, subjectId: string, now: Date): Promise<number> {
  const res = await pool().query(
    `UPDATE auth_session SET revoked_at = $3 WHERE kind = $1 AND subject_id = $2 AND revoked_at IS NULL`,
    [kind, subjectId, now],
  );
  return res.rowCount ?? 0;
}
