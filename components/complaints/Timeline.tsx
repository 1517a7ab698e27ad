import { formatShanghai } from '@/lib/complaints/format';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';

/** A work order's timeline, oldest first. Staff pass internal entries too; residents never get them. */
export interface TimelineItem {
  at: Date;
  kind: string;
  message: string | null;
  data: Record<string, unknown> | null;
  internal?: boolean;
  actorName?: string | null;
}

function detail(item: TimelineItem, c: ComplaintMessages, locale: 'zh' | 'en'): string | null {
  const data = item.data ?? {};
  if (item.kind === 'visit_scheduled' && typeof data.visitAt === 'string') return fill(c.detail.visitAt, { time: formatShanghai(new Date(data.visitAt), locale) });
  if (item.kind === 'temperature' && Array.isArray(data.readings)) {
    return (data.readings as { room: string; measuredOn: string; celsius: string }[])
      .map((r) => fill(c.detail.readingRow, { date: r.measuredOn, room: c.rooms[r.room as keyof ComplaintMessages['rooms']] ?? r.room, celsius: r.celsius }))
      .join('；');
  }
  if ((item.kind === 'escalated' || item.kind === 'breached') && typeof data.clock === 'string') {
    return c.clocks[data.clock as keyof ComplaintMessages['clocks']] ?? null;
  }
  return null;
}

export function Timeline({ items, c, locale, headingId }: { items: TimelineItem[]; c: ComplaintMessages; locale: 'zh' | 'en'; headingId: string }) {
  return (
    <ol aria-labelledby={headingId} className="flex flex-col gap-3 border-l-4 border-warm-soft pl-4">
      {items.map((item, index) => (
        <li key={index} className={`flex flex-col gap-1 rounded-xl p-3 ${item.internal ? 'border-2 border-dashed border-line bg-paper' : 'bg-card'}`}>
          <span className="text-lg font-semibold">
            {c.events[item.kind as keyof ComplaintMessages['events']] ?? item.kind}
            {item.actorName ? ` · ${item.actorName}` : ''}
          </span>
          <time dateTime={item.at.toISOString()} className="text-ink-soft">
            {formatShanghai(item.at, locale)}
          </time>
          {detail(item, c, locale) && <span className="text-lg">{detail(item, c, locale)}</span>}
          {item.message && <p className="text-lg whitespace-pre-wrap">{item.message}</p>}
        </li>
      ))}
    </ol>
  );
}
