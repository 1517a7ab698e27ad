import { formatDuration } from '@/lib/complaints/duration';
import { formatShanghai } from '@/lib/complaints/format';
import type { ClockInput } from '@/lib/complaints/sla';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';
import { Notice } from '@/components/ui/Notice';

/** The time left on the response promise, as the resident reads it (computed for `now`, server-side). */
export function ResponsePromise({ clocks, now, hotline, c, locale }: {
  clocks: ClockInput;
  now: Date;
  hotline: string;
  c: ComplaintMessages;
  locale: 'zh' | 'en';
}) {
  if (clocks.resolvedAt) return null;
  const due = formatShanghai(clocks.responseDueAt, locale);
  if (clocks.respondedAt) {
    return (
      <Notice tone="ok">
        {fill(c.detail.responded, { at: formatShanghai(clocks.respondedAt, locale) })} {fill(c.detail.fixBy, { due: formatShanghai(clocks.fixDueAt, locale) })}
      </Notice>
    );
  }
  const left = clocks.responseDueAt.getTime() - now.getTime();
  if (left < 0) return <Notice tone="error">{fill(c.detail.responseOverdue, { due, hotline })}</Notice>;
  return (
    <Notice tone="info">
      <span data-testid="response-left">{fill(c.detail.responseLeft, { left: formatDuration(left, c.duration), due })}</span>
    </Notice>
  );
}
