import type { ReactNode } from 'react';
import Link from 'next/link';
import { FactList } from '@/components/complaints/FactList';
import { StaffStepForm } from '@/components/complaints/StaffStepForm';
import { TextArea } from '@/components/complaints/TextArea';
import { Timeline } from '@/components/complaints/Timeline';
import { PageTitle } from '@/components/ui/PageTitle';
import { formatDuration } from '@/lib/complaints/duration';
import type { StaffEvent } from '@/lib/complaints/staff-queries';
import type { WorkOrderState } from '@/lib/complaints/state-machine';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';

interface WorkOrderLayoutProps {
  title: string;
  order: { id: string; state: WorkOrderState; nextDueAt: Date | null; escalated: boolean; events: StaffEvent[] };
  rows: [string, string | null][];
  c: ComplaintMessages;
  locale: 'zh' | 'en';
  now: Date;
  /** Shown under the facts: the report's text and photos, or the incident's assignee. */
  details: ReactNode;
  /** The steps this kind of order has in its state; reply, note and escalate follow for both. */
  steps: ReactNode;
  replyLabel: string;
  /** Between the steps and the timeline (a complaint's temperature readings). */
  afterSteps?: ReactNode;
}

/**
 * The staff page of a work order, a resident's complaint or an incident's: time left, facts, the
 * steps it allows, its timeline.
 */
export function WorkOrderLayout({ title, order, rows, c, locale, now, details, steps, replyLabel, afterSteps }: WorkOrderLayoutProps) {
  const s = order.state;
  const left = order.nextDueAt ? order.nextDueAt.getTime() - now.getTime() : null;
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{title}</PageTitle>
      {left !== null && (
        <p className={`text-xl font-bold ${left < 0 ? 'text-bad' : ''}`} data-testid="time-left">
          {fill(left < 0 ? c.staff.overdue : c.staff.timeLeft, { left: formatDuration(left, c.duration) })}
          {order.escalated && ` · ${c.staff.escalated}`}
        </p>
      )}
      <FactList rows={rows} status={{ label: c.detail.status, testId: 'work-order-status' }} />
      {details}
      <section aria-labelledby="steps-heading" className="flex flex-col gap-5">
        <h2 id="steps-heading" className="sr-only">{c.staff.queueTitle}</h2>
        {steps}
        {s !== 'CLOSED' && (
          <StaffStepForm target="work-order" id={order.id} intent="reply" submitLabel={c.staff.reply} variant="secondary">
            <TextArea name="message" label={replyLabel} rows={2} isRequired maxLength={1000} />
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
      {afterSteps}
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
