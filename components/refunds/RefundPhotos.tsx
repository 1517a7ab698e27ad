import { fill } from '@/lib/i18n';
import type { RefundMessages } from '@/lib/i18n/refunds';

/** Evidence photos of a refund; browsers cannot show HEIC, so those are offered as links. */
export function RefundPhotos({ photos, m }: { photos: { id: string; contentType: string }[]; m: RefundMessages }) {
  if (photos.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-3">
      {photos.map((photo, index) => (
        <li key={photo.id}>
          {photo.contentType === 'image/heic' ? (
            <a href={`/api/refunds/photos/${photo.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]">
              {fill(m.staff.photo, { n: index + 1 })}
            </a>
          ) : (
            // Private, per-viewer images: next/image's optimiser would cache them for everyone.
            // eslint-disable-next-line @next/next/no-img-element -- private photos come from an authorised route with no-store; next/image would cache them
            <img src={`/api/refunds/photos/${photo.id}`} alt={fill(m.staff.photo, { n: index + 1 })} className="h-32 w-32 rounded-xl border-2 border-line object-cover" />
          )}
        </li>
      ))}
    </ul>
  );
}
