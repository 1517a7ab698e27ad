import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { FactList } from '@/components/complaints/FactList';
import { TextArea } from '@/components/complaints/TextArea';
import { RefundLines } from '@/components/refunds/RefundLines';
import { RefundPhotos } from '@/components/refunds/RefundPhotos';
import { RefundStepForm } from '@/components/refunds/RefundStepForm';
import { RefundTimeline } from '@/components/refunds/RefundTimeline';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatShanghai } from '@/lib/complaints/format';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { refundMessages } from '@/lib/i18n/refunds';
import { listRefundPhotos } from '@/lib/refunds/photos';
import { staffRefund } from '@/lib/refunds/queries';

export const metadata: Metadata = { title: '退费申请' };

export default async function StaffRefundPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // Another utility's request is simply not found.
  const r = await staffRefund(staff.utilityId, id);
  if (!r) notFound();
  const { locale } = await preferences();
  const m = refundMessages(locale);
  const reviewing = r.state === 'submitted' || r.state === 'under_review';
  const waitingSecond = r.needsSupervisor && r.firstApprovedBy !== null;
  const rows: [string, string | null][] = [
    [m.staff.state, m.states[r.state]],
    [m.staff.resident, fill(m.billShort, { season: r.season, accountNo: r.accountNo })],
    [m.staff.reason, m.reasons[r.reason]],
    [m.staff.amount, formatMoney(r.amountFen)],
    [m.staff.submittedAt, formatShanghai(r.createdAt, locale)],
    [m.expectedLabel, r.expectedBy],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{fill(m.staff.detailTitle, { number: r.number })}</PageTitle>
      <FactList rows={rows} status={{ label: m.staff.state, testId: 'refund-status' }} />
      {r.needsSupervisor && (
        <p className="text-lg font-semibold" data-testid="refund-supervisor">
          {waitingSecond && reviewing ? m.staff.firstApproved : fill(m.staff.supervisor, { threshold: formatMoney(BigInt(env().REFUND_SUPERVISOR_THRESHOLD_FEN)) })}
        </p>
      )}
      {r.escalated && <p className="text-lg font-bold text-bad">{m.staff.escalated}</p>}
      {r.lastError && r.state === 'failed' && <p className="text-lg">{fill(m.staff.lastError, { error: r.lastError })}</p>}
      <section aria-labelledby="lines-heading" className="flex flex-col gap-2">
        <h2 id="lines-heading" className="text-2xl font-bold">
          {m.howTitle}
        </h2>
        <RefundLines lines={r.lines} m={m} />
      </section>
      {r.note && (
        <section aria-labelledby="note-heading" className="flex flex-col gap-2">
          <h2 id="note-heading" className="text-2xl font-bold">
            {m.staff.note}
          </h2>
          <p className="rounded-xl bg-card p-3 text-lg whitespace-pre-wrap">{r.note}</p>
        </section>
      )}
      <RefundPhotos photos={await listRefundPhotos(r.id)} m={m} />
      <section aria-label={m.staff.queueTitle} className="flex flex-col gap-5">
        {r.state === 'submitted' && <RefundStepForm id={r.id} intent="review" submitLabel={m.staff.review} variant="secondary" />}
        {reviewing && <RefundStepForm id={r.id} intent="approve" submitLabel={waitingSecond ? m.staff.secondApprove : m.staff.approve} />}
        {r.state === 'failed' && <RefundStepForm id={r.id} intent="retry" submitLabel={m.staff.retry} />}
        {r.state === 'failed' && r.escalated && staff.role !== 'AGENT' && (
          <RefundStepForm id={r.id} intent="offline" submitLabel={m.staff.offline} variant="secondary">
            <p className="text-lg">{m.staff.offlineHint}</p>
            <TextArea name="note" label={m.staff.offlineLabel} rows={2} isRequired maxLength={500} />
          </RefundStepForm>
        )}
        {(reviewing || r.state === 'failed') && (
          <RefundStepForm id={r.id} intent="reject" submitLabel={m.staff.reject} variant="secondary">
            <TextArea name="reason" label={m.staff.rejectLabel} rows={2} isRequired maxLength={500} />
          </RefundStepForm>
        )}
      </section>
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <h2 id="timeline-heading" className="text-2xl font-bold">
          {m.staff.timeline}
        </h2>
        <RefundTimeline events={r.events} m={m} locale={locale} showActors />
      </section>
    </div>
  );
}
