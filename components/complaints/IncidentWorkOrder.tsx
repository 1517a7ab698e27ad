import { StaffStepForm } from '@/components/complaints/StaffStepForm';
import { TextArea } from '@/components/complaints/TextArea';
import { WorkOrderLayout } from '@/components/complaints/WorkOrderLayout';
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
    <WorkOrderLayout
      title={`${c.staff.incidentOrder} · ${title}`}
      order={order}
      rows={rows}
      c={c}
      locale={locale}
      now={now}
      details={<p className="text-lg">{order.assigneeName ? fill(c.staff.assignee, { name: order.assigneeName }) : c.staff.unassigned}</p>}
      replyLabel={c.staff.incidentReplyLabel}
      steps={
        <>
          {(s === 'OPEN' || s === 'REOPENED') && <StaffStepForm target="work-order" id={order.id} intent="claim" submitLabel={c.staff.claim} />}
          {(s === 'ACKNOWLEDGED' || s === 'VISIT_SCHEDULED') && (
            <StaffStepForm target="work-order" id={order.id} intent="start_repair" submitLabel={c.staff.startRepair} variant="secondary" />
          )}
          {working && (
            <StaffStepForm target="work-order" id={order.id} intent="resolve" submitLabel={c.staff.resolve}>
              <TextArea name="message" label={c.staff.incidentResolveLabel} rows={2} isRequired maxLength={1000} />
            </StaffStepForm>
          )}
        </>
      }
    />
  );
}
