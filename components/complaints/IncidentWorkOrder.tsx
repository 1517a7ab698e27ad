import Link from 'next/link';
import { FactList } from '@/components/complaints/FactList';
import { StaffStepForm } from '@/components/complaints/StaffStepForm';
import { TextArea } from '@/components/complaints/TextArea';
import { Timeline } from '@/components/complaints/Timeline';
import { PageTitle } from '@/components/ui/PageTitle';
import { formatDuration } from '@/lib/complaints/duration';
import { formatShanghai } from '@/lib/complaints/format';
import type { StaffIncidentOrder } from '@/lib/complaints/incident-queries';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';

/**
 * An incident's work order: claimed, answered (to every attached household) and resolved through
 * the same steps as a complaint's; resolving it restores the incident.
 */
export function IncidentWorkOrder({ order, c, locale, now }: { order: StaffIncidentOrder; c: ComplaintMessages; locale: 'zh' | 'en'; now: Date }) {
  const s = order.state;
  const working = s === 'ACKNOWLEDGED' || s === 'VISIT_SCHEDULED' || s === 'IN_REPAIR';
  const left = order.nextDueAt ? order.nextDueAt.getTime() - now.getTime() : null;
  const surge = order.incidentKind === 'TERM_SURGE';
  const title = surge ? fill(c.staff.surge, { term: order.term ?? '' }) : fill(c.staff.outage, { station: order.stationName ?? '' });
  const rows: [string, string | null][] = [
    [c.detail.status, c.states[s]],
    [c.staff.incidentOrder, `${order.incidentStatus === 'OPEN' ? c.staff.incidentOpen : c.staff.incidentResolved} · ${c.priorities[order.priority]}`],
    [
      c.detail.problem,
      surge
        ? fill(c.staff.surgeDetail, { day: order.day ?? '', count: order.triggerCount, threshold: order.threshold })
        : fill(c.staff.outageDetail, { count: order.triggerCount, threshold: order.threshold, members: order.members }),
    ],
    [c.staff.incidentMembers, String(order.members)],
    [c.staff.expectedFix, order.expectedFixAt ? formatShanghai(order.expectedFixAt, locale) : null],
    [c.detail.filedAt, formatShanghai(order.createdAt, locale)],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{`${c.staff.incidentOrder} · ${title}`}</PageTitle>
      {left !== null && (
        <p className={`text-xl font-bold ${left < 0 ? 'text-bad' : ''}`} data-testid="time-left">
          {fill(left < 0 ? c.staff.overdue : c.staff.timeLeft, { left: formatDuration(left, c.duration) })}
          {order.escalated && ` · ${c.staff.escalated}`}
        </p>
      )}
      <FactList rows={rows} status={{ label: c.detail.status, testId: 'work-order-status' }} />
      <p className="text-lg">{order.assigneeName ? fill(c.staff.assignee, { name: order.assigneeName }) : c.staff.unassigned}</p>
      <section aria-labelledby="steps-heading" className="flex flex-col gap-5">
        <h2 id="steps-heading" className="sr-only">{c.staff.queueTitle}</h2>
        {(s === 'OPEN' || s === 'REOPENED') && <StaffStepForm target="work-order" id={order.id} intent="claim" submitLabel={c.staff.claim} />}
        {(s === 'ACKNOWLEDGED' || s === 'VISIT_SCHEDULED') && (
          <StaffStepForm target="work-order" id={order.id} intent="start_repair" submitLabel={c.staff.startRepair} variant="secondary" />
        )}
        {working && (
          <StaffStepForm target="work-order" id={order.id} intent="resolve" submitLabel={c.staff.resolve}>
            <TextArea name="message" label={c.staff.incidentResolveLabel} rows={2} isRequired maxLength={1000} />
          </StaffStepForm>
        )}
        {s !== 'CLOSED' && (
          <StaffStepForm target="work-order" id={order.id} intent="reply" submitLabel={c.staff.reply} variant="secondary">
            <TextArea name="message" label={c.staff.incidentReplyLabel} rows={2} isRequired maxLength={1000} />
          </StaffStepForm>
        )}
        {s !== 'CLOSED' && (
          <StaffStepForm target="work-order" id={order.id} intent="note" submitLabel={c.staff.note} variant="secondary">
            <TextArea name="message" label={c.staff.noteLabel} rows={2} isRequired maxLength={1000} />
          </StaffStepForm>
        )}
        {s !== 'CLOSED' && s !== 'RESOLVED' && !order.escalated && (
          <StaffStepForm target="work-order" id={order.id} intent="escalate" submitLabel={c.staff.escalate} variant="secondary">
            <TextArea name="reason" label={c.staff.escalateLabel} rows={2} isRequired maxLength={500} />
          </StaffStepForm>
        )}
      </section>
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <h2 id="timeline-heading" className="text-2xl font-bold">{c.detail.timeline}</h2>
        <Timeline
          items={order.events.map((e) => ({ ...e, internal: e.visibility === 'INTERNAL', actorName: e.actorName }))}
          c={c}
          locale={locale}
          headingId="timeline-heading"
        />
      </section>
      <Link href="/staff/work-orders" className="inline-flex min-h-11 w-fit items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]">
        {c.staff.back}
      </Link>
    </div>
  );
}
