import { formatShanghai } from '@/lib/complaints/format';
import type { RefundMessages } from '@/lib/i18n/refunds';
import type { RefundEventView } from '@/lib/refunds/queries';

/** Every step of a refund, oldest first: what happened, when, and (for staff) who. */
export function RefundTimeline({ events, m, locale, showActors }: { events: RefundEventView[]; m: RefundMessages; locale: 'zh' | 'en'; showActors: boolean }) {
  return (
    <ol className="flex flex-col gap-2 border-l-4 border-warm-soft pl-4">
      {events.map((e, i) => (
        <li key={i} className="flex flex-col rounded-xl bg-card p-2">
          <span className="text-lg font-semibold">
            {m.events[e.kind as keyof RefundMessages['events']] ?? e.kind}
            {showActors && e.actorName ? ` · ${e.actorName}` : ''}
          </span>
          <time dateTime={e.at.toISOString()} className="text-ink-soft">
            {formatShanghai(e.at, locale)}
          </time>
          {e.message && <p className="text-lg whitespace-pre-wrap">{e.message}</p>}
        </li>
      ))}
    </ol>
  );
}
