import { z } from 'zod';
import { currentResident } from '@/lib/auth/current';
import { PHOTO_MAX_BYTES, PhotoRefused } from '@/lib/complaints/photos/add-photo';
import { AppError } from '@/lib/errors/app-error';
import { PHOTOS_PER_REFUND } from '@/lib/refunds/photos';
import { REFUND_REASONS } from '@/lib/refunds/state-machine';
import { NOTE_MAX, submitRefund } from '@/lib/refunds/submit-refund';

/**
 * POST /api/refunds — the resident confirms a refund request: a plain multipart form (photos
 * exceed the server actions' 1 MB). Always answers with a redirect: to 退费进度 when saved, back
 * to the request page with the reason otherwise, so nothing ends on an error page.
 */
const FORM_OVERHEAD = 64 * 1024;

const fields = z.object({
  billId: z.uuid(),
  reason: z.enum(REFUND_REASONS),
  idempotencyKey: z.uuid(),
  note: z.string().trim().max(NOTE_MAX),
});

export async function POST(request: Request): Promise<Response> {
  // Forms from other sites are refused (the session cookie is SameSite=Lax as well).
  const origin = request.headers.get('origin');
  if (!origin || new URL(origin).host !== new URL(request.url).host) return new Response('Forbidden', { status: 403 });
  const resident = await currentResident();
  if (!resident) return Response.redirect(new URL('/login', request.url), 303);
  const back = (error: string, billId?: string, reason?: string) => {
    const url = new URL('/refunds/new', request.url);
    if (billId) url.searchParams.set('bill', billId);
    if (reason) url.searchParams.set('reason', reason);
    url.searchParams.set('error', error);
    return Response.redirect(url, 303);
  };
  if (Number(request.headers.get('content-length') ?? 0) > PHOTOS_PER_REFUND * PHOTO_MAX_BYTES + FORM_OVERHEAD) return back('photo_size');

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // An unreadable multipart body is the sender's mistake, answered like any other bad form.
    return back('invalid');
  }
  const parsed = fields.safeParse({
    billId: form.get('billId'),
    reason: form.get('reason'),
    idempotencyKey: form.get('idempotencyKey'),
    note: form.get('note') ?? '',
  });
  if (!parsed.success) return back('invalid');
  const { billId, reason, idempotencyKey, note } = parsed.data;
  const files = form.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > PHOTOS_PER_REFUND) return back('photo_count', billId, reason);
  try {
    const submitted = await submitRefund(
      {
        residentId: resident.residentId,
        billId,
        reason,
        note: note === '' ? null : note,
        idempotencyKey,
        ip: request.headers.get('x-forwarded-for') ?? 'unknown',
        photos: await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))),
      },
      new Date(),
    );
    return Response.redirect(new URL(`/refunds?submitted=${submitted.number}`, request.url), 303);
  } catch (error) {
    if (error instanceof PhotoRefused) return back(error.reason, billId, reason);
    if (error instanceof AppError && error.code === 'invalid_input' && error.detail) return back(error.detail, billId, reason);
    if (error instanceof AppError && error.code === 'not_found') return back('bill_not_refundable');
    if (error instanceof AppError && error.code === 'rate_limited') return back('rate_limited', billId, reason);
    throw error;
  }
}
