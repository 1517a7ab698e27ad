import { z } from 'zod';
import { currentResident, currentStaff } from '@/lib/auth/current';

/** Who asks for a stored photo: staff see their utility's, residents their own. */
export type PhotoViewer = { utilityId: string } | { residentId: string };

interface StoredPhoto {
  bytes: Buffer | Uint8Array;
  contentType: string;
}

/**
 * Serves one stored photo to whoever may see it, or 404 for everyone else (an unknown id and a
 * forbidden one look the same). `read` applies the capability's own authorization.
 */
export async function servePhoto(id: string, filePrefix: string, read: (viewer: PhotoViewer, id: string) => Promise<StoredPhoto | null>): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404 });
  if (!z.uuid().safeParse(id).success) return notFound();
  const staff = await currentStaff();
  const resident = staff ? null : await currentResident();
  const viewer = staff ? { utilityId: staff.utilityId } : resident ? { residentId: resident.residentId } : null;
  if (!viewer) return notFound();
  const photo = await read(viewer, id);
  if (!photo) return notFound();
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      'content-type': photo.contentType,
      'content-length': String(photo.bytes.length),
      'cache-control': 'private, no-store',
      'content-disposition': `inline; filename="${filePrefix}-${id.slice(0, 8)}.${photo.contentType.split('/')[1]}"`,
    },
  });
}
