import { FactList } from '@/components/complaints/FactList';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Photos } from '@/components/complaints/Photos';
import { PhotoUpload } from '@/components/complaints/PhotoUpload';
import { ResidentSteps } from '@/components/complaints/ResidentSteps';
import { ResponsePromise } from '@/components/complaints/ResponsePromise';
import { Timeline } from '@/components/complaints/Timeline';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { formatShanghai } from '@/lib/complaints/format';
import { listPhotos, PHOTOS_PER_COMPLAINT } from '@/lib/complaints/photos/add-photo';
import { getMyComplaint } from '@/lib/complaints/resident-queries';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { complaintMessages, type ComplaintMessages } from '@/lib/i18n/complaints';
import { hotline } from '@/lib/utilities/hotline';

export const metadata: Metadata = { title: '报修详情' };

export default async function ComplaintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; photo?: string }> }) {
  const { residentId } = await requireResident();
  const { id } = await params;
  // Malformed, missing, or on an account that is not this resident's: all simply "not found".
  if (!z.uuid().safeParse(id).success) notFound();
  const complaint = await getMyComplaint(residentId, id);
  if (!complaint) notFound();
  const { locale } = await preferences();
  const { done, photo } = await searchParams;
  const photos = await listPhotos(complaint.id);
  const c = complaintMessages(locale);
  const outcome = photo && photo in c.photos.outcomes ? (photo as keyof ComplaintMessages['photos']['outcomes']) : null;
  const room = (r: string) => c.rooms[r as keyof ComplaintMessages['rooms']] ?? r;
  const rows: [string, string | null][] = [
    [c.detail.status, c.states[complaint.state]],
    [c.detail.problem, c.problems[complaint.problem]],
    [c.detail.account, complaint.accountNo],
    [c.detail.address, complaint.address],
    [c.detail.rooms, complaint.rooms.map(room).join('、')],
    [c.detail.temperature, complaint.indoorCelsius ? `${complaint.indoorCelsius} ℃` : null],
    [c.detail.since, complaint.sinceDate],
    [c.detail.visits, complaint.preferredVisits.map((v) => c.visits[v as keyof ComplaintMessages['visits']] ?? v).join('、') || null],
    [c.detail.filedAt, formatShanghai(complaint.createdAt, locale)],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{fill(c.detail.title, { number: complaint.number })}</PageTitle>
      {done === 'reopen' && complaint.state === 'REOPENED' && <Notice tone="ok" live>{c.detail.reopened}</Notice>}
      {done === 'confirm' && complaint.state === 'CLOSED' && <Notice tone="ok" live>{c.detail.closed}</Notice>}
      <ResponsePromise clocks={complaint.clocks} now={new Date()} hotline={hotline()} c={c} locale={locale} />
      {complaint.state === 'RESOLVED' && (
        <ResidentSteps
          workOrderId={complaint.workOrderId}
          complaintId={complaint.id}
          labels={{ notFixed: c.detail.notFixed, notFixedHint: c.detail.notFixedHint, notFixedReason: c.detail.notFixedReason, confirmFixed: c.detail.confirmFixed }}
        />
      )}
      <FactList rows={rows} status={{ label: c.detail.status, testId: 'complaint-status' }} />
      {complaint.description && <p className="rounded-xl bg-card p-3 text-lg whitespace-pre-wrap">{complaint.description}</p>}
      {complaint.readings.length > 0 && (
        <section aria-labelledby="readings-heading" className="flex flex-col gap-2">
          <h2 id="readings-heading" className="text-2xl font-bold">{c.detail.readings}</h2>
          <ul className="flex flex-col gap-1 text-lg">
            {complaint.readings.map((r) => (
              <li key={`${r.measuredOn}-${r.room}`}>{fill(c.detail.readingRow, { date: r.measuredOn, room: room(r.room), celsius: r.celsius })}</li>
            ))}
          </ul>
        </section>
      )}
      <section id="photos" aria-labelledby="photos-heading" className="flex flex-col gap-3">
        <h2 id="photos-heading" className="text-2xl font-bold">{c.photos.title}</h2>
        {outcome && <Notice tone={outcome === 'ok' ? 'ok' : 'error'} live>{c.photos.outcomes[outcome]}</Notice>}
        <Photos photos={photos} p={c.photos} />
        {photos.length < PHOTOS_PER_COMPLAINT && complaint.state !== 'CLOSED' && <PhotoUpload complaintId={complaint.id} p={c.photos} />}
      </section>
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <h2 id="timeline-heading" className="text-2xl font-bold">{c.detail.timeline}</h2>
        <Timeline items={complaint.events} c={c} locale={locale} headingId="timeline-heading" />
      </section>
      <Link href="/repair/mine" className="inline-flex min-h-11 w-fit items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]">
        {c.detail.listTitle}
      </Link>
    </div>
  );
}
