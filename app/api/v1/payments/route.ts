import { cookieSession, currentResident } from '@/lib/auth/current';
import { env } from '@/lib/env';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { HTTP_STATUS } from '@/lib/errors/app-error';
import { listPaymentsForSession, paymentsJson } from '@/lib/payments/resident-payments';
import { startPaymentForResident, startPaymentInput } from '@/lib/payments/start-for-resident';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'private, no-store' };

async function refusal(status: number, error: string, message?: string): Promise<Response> {
  const { t } = await preferences();
  return Response.json({ error, message: message ?? t.errors[error as keyof typeof t.errors] ?? t.errors.invalid_input }, { status, headers: NO_STORE });
}

/** The signed-in household's payments, newest first per account, amounts in integer fen. */
export async function GET(): Promise<Response> {
  const session = await cookieSession();
  const payments = session?.kind === 'RESIDENT' ? await listPaymentsForSession(session.sid, new Date()) : null;
  if (!payments) return refusal(401, 'unauthenticated');
  return Response.json(paymentsJson(payments), { headers: NO_STORE });
}

/**
 * Starts paying a bill: `{ billId, channel, idempotencyKey }` → the payment and how to launch the
 * channel. The same key again returns the same payment. JSON only, and never from another site:
 * a browser sends Origin, which must be ours.
 */
export async function POST(request: Request): Promise<Response> {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(env().payments.origin).origin) return refusal(403, 'forbidden');
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) return refusal(415, 'invalid_input');
  // The session row must still be valid (sign-out everywhere revokes it), not only the cookie.
  const resident = await currentResident();
  if (!resident) return refusal(401, 'unauthenticated');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refusal(400, 'invalid_input');
  }
  const parsed = startPaymentInput.safeParse(body);
  if (!parsed.success) return refusal(400, 'invalid_input');
  const { locale } = await preferences();
  const started = await startPaymentForResident(resident.residentId, parsed.data, await requestMeta(), locale);
  if (!started.ok) {
    const status = started.code === 'channel_unavailable' ? 409 : HTTP_STATUS[started.code];
    return Response.json({ error: started.code, message: started.message }, { status, headers: NO_STORE });
  }
  return Response.json({ paymentId: started.paymentId, status: started.status, launch: started.launch }, { status: 201, headers: NO_STORE });
}
