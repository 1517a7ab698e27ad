import { formatShanghai } from '@/lib/complaints/format';
import type { StationNotice } from '@/lib/complaints/station-notices';
import { fill } from '@/lib/i18n';
import type { ComplaintMessages } from '@/lib/i18n/complaints';
import { MeTooButton } from './MeTooButton';

/** "Known problem at your station": on the home page and the filing page. */
export function StationNotices({ notices, c, locale }: { notices: StationNotice[]; c: ComplaintMessages; locale: 'zh' | 'en' }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="station-notice-heading" className="flex flex-col gap-3 rounded-2xl border-l-8 border-warm bg-warm-soft p-4">
      <h2 id="station-notice-heading" className="text-2xl font-bold">
        {c.station.title}
      </h2>
      {notices.map((n) => (
        <div key={n.incidentId} className="flex flex-col gap-3">
          <p className="text-lg">
            {n.expectedFixAt
              ? fill(c.station.body, { station: n.stationName, time: formatShanghai(n.expectedFixAt, locale) })
              : fill(c.station.bodyNoTime, { station: n.stationName })}
          </p>
          {n.accounts.map((a) => (
            <MeTooButton
              key={a.id}
              incidentId={n.incidentId}
              accountId={a.id}
              accountNo={a.accountNo}
              label={fill(c.station.meToo, { accountNo: a.accountNo })}
              joinedText={a.joined ? fill(c.station.joined, { accountNo: a.accountNo }) : undefined}
            />
          ))}
        </div>
      ))}
    </section>
  );
}
