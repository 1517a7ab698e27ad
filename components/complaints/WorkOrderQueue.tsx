import Link from 'next/link';
import { formatDuration } from '@/lib/complaints/duration';
import type { QueueItem } from '@/lib/complaints/staff-queries';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';

const PRIORITY_STYLE = { URGENT: 'bg-bad text-white', HIGH: 'bg-warm text-white', NORMAL: 'bg-paper text-ink border-2 border-line' } as const;

/** The agent's queue: the order whose promise runs out first is on top, complaints and incidents alike. */
export function WorkOrderQueue({ items, now, c }: { items: QueueItem[]; now: Date; c: ComplaintMessages }) {
  if (items.length === 0) return <p className="text-lg">{c.staff.empty}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="work-order-queue">
      {items.map((item) => {
        const left = item.nextDueAt ? item.nextDueAt.getTime() - now.getTime() : null;
        return (
          <li key={item.id}>
            <Link
              href={`/staff/work-orders/${item.id}`}
              className="flex min-h-11 flex-col gap-1 rounded-xl border-2 border-warm-soft bg-card p-3 hover:border-warm elder:min-h-[3rem]"
            >
              <span className="flex flex-wrap items-center gap-2 text-xl font-semibold">
                <span className={`rounded-lg px-2 ${PRIORITY_STYLE[item.priority]}`}>{c.priorities[item.priority]}</span>
                {item.incident ? (
                  <>
                    {c.staff.incidentOrder} ·{' '}
                    {item.incident.kind === 'TERM_SURGE' ? fill(c.staff.surge, { term: item.incident.term ?? '' }) : fill(c.staff.outage, { station: item.stationName ?? '' })}
                  </>
                ) : (
                  <>
                    {fill(c.staff.detailTitle, { number: item.number ?? '' })} · {item.problem ? c.problems[item.problem] : ''}
                  </>
                )}
              </span>
              <span className="text-lg">
                {c.states[item.state]}
                {left !== null && (
                  <strong className={left < 0 ? 'text-bad' : undefined}>
                    {' · '}
                    {fill(left < 0 ? c.staff.overdue : c.staff.timeLeft, { left: formatDuration(left, c.duration) })}
                  </strong>
                )}
                {item.escalated && ` · ${c.staff.escalated}`}
              </span>
              <span className="text-lg text-ink-soft">
                {[item.stationName, item.address].filter(Boolean).join(' · ')} · {item.assigneeName ? fill(c.staff.assignee, { name: item.assigneeName }) : c.staff.unassigned}
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
