import { z } from 'zod';
import { currentResident } from '@/lib/auth/current';
import { addComplaintPhoto, PHOTO_MAX_BYTES, PhotoRefused } from '@/lib/complaints/photos/add-photo';
import { AppError } from '@/lib/errors/app-error';

/**
 * POST /api/complaints/:id/photos — a plain multipart form on the complaint page (server actions
 * are limited to 1 MB). Always answers with a redirect back to the page, carrying the outcome,
 * so a refused photo is explained there and never becomes an error page.
 */
const FORM_OVERHEAD = 64 * 1024;

function back(request: Request, id: string, outcome: string): Response {
  return Response.redirect(new URL(`/repair/${id}?photo=${outcome}#photos`, request.url), 303);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return new Response('Not found', { status: 404 });
  // Forms from other sites are refused (the session cookie is SameSite=Lax as well).
  const origin = request.headers.get('origin');
  if (!origin || new URL(origin).host !== new URL(request.url).host) return new Response('Forbidden', { status: 403 });
  const resident = await currentResident();
  if (!resident) return Response.redirect(new URL('/login', request.url), 303);
  if (Number(request.headers.get('content-length') ?? 0) > PHOTO_MAX_BYTES + FORM_OVERHEAD) return back(request, id, 'photo_size');

  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get('photo');
  } catch {
    // An unreadable multipart body is the sender's mistake, answered like any other bad photo.
    return back(request, id, 'photo_type');
  }
  if (!(file instanceof File) || file.size === 0) return back(request, id, 'photo_missing');
  try {
    await addComplaintPhoto(
      { residentId: resident.residentId, complaintId: id, bytes: Buffer.from(await file.arrayBuffer()), ip: request.headers.get('x-forwarded-for') ?? 'unknown' },
      new Date(),
    );
  } catch (error) {
    if (error instanceof PhotoRefused) return back(request, id, error.reason);
    if (error instanceof AppError && error.code === 'not_found') return new Response('Not found', { status: 404 });
    if (error instanceof AppError && error.code === 'rate_limited') return back(request, id, 'rate_limited');
    throw error;
  }
  return back(request, id, 'ok');
}
