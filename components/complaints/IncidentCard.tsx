import Link from 'next/link';
import { formatShanghai } from '@/lib/complaints/format';
import type { IncidentView } from '@/lib/complaints/manage-incident';
import { toShanghaiLocalInput } from '@/lib/complaints/shanghai';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';
import { TextField } from '@/components/ui/TextField';
import { StaffStepForm } from './StaffStepForm';

export function IncidentCard({ incident: i, c, locale }: { incident: IncidentView; c: ComplaintMessages; locale: 'zh' | 'en' }) {
  const surge = i.kind === 'TERM_SURGE';
  return (
    <article className={`flex flex-col gap-3 rounded-2xl border-2 p-4 ${i.status === 'OPEN' ? 'border-bad bg-card' : 'border-line bg-paper'}`}>
      <h3 className="text-xl font-bold">
        {surge ? fill(c.staff.surge, { term: i.term ?? '' }) : fill(c.staff.outage, { station: i.stationName ?? '' })}
      </h3>
      <p className="text-lg">
        {surge
          ? fill(c.staff.surgeDetail, { day: i.day ?? '', count: i.mentionsToday ?? i.triggerCount, threshold: i.threshold })
          : fill(c.staff.outageDetail, { count: i.triggerCount, threshold: i.threshold, members: i.members })}
      </p>
      <p className="text-ink-soft">{formatShanghai(i.openedAt, locale)}</p>
      {i.status === 'RESOLVED' && i.resolvedAt && <p className="text-lg">{fill(c.staff.resolvedAt, { at: formatShanghai(i.resolvedAt, locale) })}</p>}
      {i.status === 'OPEN' && !surge && (
        <StaffStepForm target="incident" id={i.id} intent="expected" submitLabel={c.staff.setExpected} variant="secondary">
          <TextField
            name="expectedFixAt"
            type="datetime-local"
            label={c.staff.expectedFix}
            isRequired
            defaultValue={i.expectedFixAt ? toShanghaiLocalInput(i.expectedFixAt) : ''}
          />
        </StaffStepForm>
      )}
      {i.workOrderId ? (
        <>
          {i.status === 'OPEN' && <p className="text-lg">{c.staff.resolveThroughOrder}</p>}
          <Link
            href={`/staff/work-orders/${i.workOrderId}`}
            className="inline-flex min-h-11 w-fit items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]"
          >
            {c.staff.openIncidentOrder}
          </Link>
        </>
      ) : (
        i.status === 'OPEN' && <StaffStepForm target="incident" id={i.id} intent="resolve" submitLabel={c.staff.resolveIncident} />
      )}
    </article>
  );
}
