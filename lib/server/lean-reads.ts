import type http from 'node:http';
import { SESSION_COOKIES, sessionFromCookies } from '@/lib/auth/session-cookie';
import { billsJson } from '@/lib/bills/bills-json';
import { listBillsForSession } from '@/lib/bills/resident-bills';
import { messages, parseLocale, LOCALE_COOKIE } from '@/lib/i18n';
import { listPaymentsForSession, paymentsJson } from '@/lib/payments/resident-payments';

/**
 * The two hottest reads of the heating-season peak — a resident's bills and payment history as
 * JSON — answered before Next's request handling, which alone costs more CPU than the whole
 * answer (README, "Heating-season peak"). The same session cookie next-auth reads, the same
 * session row check and query as the route handlers (app/api/v1/bills, app/api/v1/payments),
 * the same bodies. Anything unusual (a chunked cookie, another method) goes to Next.
 */
type Read = (sid: string, now: Date) => Promise<object | null>;

const READS: Record<string, Read> = {
  '/api/v1/bills': async (sid, now) => {
    const bills = await listBillsForSession(sid, now);
    return bills && billsJson(bills);
  },
  '/api/v1/payments': async (sid, now) => {
    const payments = await listPaymentsForSession(sid, now);
    return payments && paymentsJson(payments);
  },
};

function cookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

function send(res: http.ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'private, no-store',
    vary: 'cookie',
  });
  res.end(json);
}

/** True when the request was answered here; false to hand it to Next. */
export function leanRead(secret: string): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const path = (req.url ?? '').split('?')[0]!;
    const read = READS[path];
    if (!read) return false;
    const jar = cookies(req.headers.cookie);
    // next-auth splits a large session cookie into chunks; Next knows how to join them.
    if ([...jar.keys()].some((name) => SESSION_COOKIES.some((c) => name.startsWith(`${c}.`)))) return false;
    void (async () => {
      try {
        const session = await sessionFromCookies((name) => jar.get(name), jar.keys(), secret);
        const body = session?.kind === 'RESIDENT' ? await read(session.sid, new Date()) : null;
        if (body) return send(res, 200, body);
        send(res, 401, { error: 'unauthenticated', message: messages(parseLocale(jar.get(LOCALE_COOKIE))).errors.unauthenticated });
      } catch (error) {
        console.error('[server] lean read failed:', error);
        if (!res.headersSent) send(res, 503, { error: 'unavailable', message: messages(parseLocale(jar.get(LOCALE_COOKIE))).errors.unavailable });
        else res.end();
      }
    })();
    return true;
  };
}
