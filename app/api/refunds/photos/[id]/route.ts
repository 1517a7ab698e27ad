import { z } from 'zod';
import { currentResident, currentStaff } from '@/lib/auth/current';
import { readRefundPhoto } from '@/lib/refunds/photos';

/** GET /api/refunds/photos/:id — a refund's evidence photo, for the resident who asked and their utility's staff only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const notFound = () => new Response('Not found', { status: 404 });
  if (!z.uuid().safeParse(id).success) return notFound();
  const staff = await currentStaff();
  const resident = staff ? null : await currentResident();
  const viewer = staff ? { utilityId: staff.utilityId } : resident ? { residentId: resident.residentId } : null;
  if (!viewer) return notFound();
  const photo = await readRefundPhoto(viewer, id);
  if (!photo) return notFound();
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      'content-type': photo.contentType,
      'content-length': String(photo.bytes.length),
      'cache-control': 'private, no-store',
      'content-disposition': `inline; filename="refund-photo-${id.slice(0, 8)}.${photo.contentType.split('/')[1]}"`,
    },
  });
}
