import type { ComplaintMessages } from '@/lib/i18n/complaints';

/** A plain multipart form: works without JavaScript and is not bound by the server actions' 1 MB. */
export function PhotoUpload({ complaintId, p }: { complaintId: string; p: ComplaintMessages['photos'] }) {
  return (
    <form method="post" action={`/api/complaints/${complaintId}/photos`} encType="multipart/form-data" className="flex flex-col gap-2">
      <label htmlFor="photo" className="text-lg font-semibold">
        {p.choose}
      </label>
      <p id="photo-hint" className="text-ink-soft">
        {p.hint}
      </p>
      <input
        id="photo"
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/heic,.heic,.heif"
        aria-describedby="photo-hint"
        required
        className="min-h-11 rounded-lg border-2 border-line bg-card p-2 text-lg elder:min-h-[3rem]"
      />
      <button type="submit" className="inline-flex min-h-11 w-fit items-center rounded-xl border-2 border-warm bg-card px-5 text-lg font-semibold text-warm elder:min-h-[3rem]">
        {p.upload}
      </button>
    </form>
  );
}
