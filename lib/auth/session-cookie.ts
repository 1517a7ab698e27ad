import { decode } from 'next-auth/jwt';
import { sessionTokenReader, type SessionClaims } from './session-token';

/**
 * Who a request's session cookie names, read the way next-auth writes it (the secure cookie on
 * HTTPS, the plain name in development) but with the key derived once per process
 * (session-token.ts). What a session may do is still decided by its row in PostgreSQL: callers
 * check the sid against auth_session on every request.
 */
export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export interface CookieSession {
  sid: string;
  kind: 'RESIDENT' | 'STAFF';
}

const readers = new Map<string, ReturnType<typeof sessionTokenReader>>();

function reader(secret: string): ReturnType<typeof sessionTokenReader> {
  let read = readers.get(secret);
  if (!read) readers.set(secret, (read = sessionTokenReader(secret)));
  return read;
}

/**
 * The session named by a request's cookies: null when there is none or it is not valid;
 * undefined when next-auth split it into chunks (a cookie over 4 KB), for the caller to ask
 * next-auth itself.
 */
export async function sessionFromCookies(get: (name: string) => string | undefined, names: Iterable<string>, secret: string): Promise<CookieSession | null | undefined> {
  for (const name of names) if (SESSION_COOKIES.some((c) => name.startsWith(`${c}.`))) return undefined;
  for (const salt of SESSION_COOKIES) {
    const token = get(salt);
    if (!token) continue;
    let claims: SessionClaims | null | undefined;
    try {
      claims = reader(secret)(token, salt);
      // A form the fast reader does not handle is next-auth's to judge.
      if (claims === undefined) claims = await decode({ token, secret, salt });
    } catch {
      return null; // Tampered, expired or from another secret: not signed in.
    }
    if (!claims || typeof claims.sid !== 'string' || claims.sid === '') return null;
    return { sid: claims.sid, kind: claims.kind === 'STAFF' ? 'STAFF' : 'RESIDENT' };
  }
  return null;
}
