import type { Metadata } from 'next';
import Link from 'next/link';
import { IncidentCard } from '@/components/complaints/IncidentCard';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { listIncidents } from '@/lib/complaints/manage-incident';
import { queueCounts } from '@/lib/complaints/staff-queries';
import { preferences } from '@/lib/http/request-context';
import { complaintMessages } from '@/lib/i18n/complaints';
import { refundMessages } from '@/lib/i18n/refunds';
import { refundCounts } from '@/lib/refunds/queries';

export const metadata: Metadata = { title: '值班主管看板' };

export default async function DashboardPage() {
  const staff = await requireStaff(['SUPERVISOR', 'ADMIN']);
  const { locale } = await preferences();
  const c = complaintMessages(locale);
  const r = refundMessages(locale).staff;
  const [counts, refunds, incidents] = await Promise.all([queueCounts(staff.utilityId), refundCounts(staff.utilityId), listIncidents(staff.utilityId, new Date())]);
  const tiles: [string, number, string][] = [
    [c.staff.openOrders, counts.open, '/staff/work-orders'],
    [c.staff.escalatedOrders, counts.escalated, '/staff/work-orders?view=escalated'],
    [c.staff.breachedOrders, counts.breached, '/staff/work-orders?view=escalated'],
    [r.boardEscalated, refunds.escalated, '/staff/refunds?view=escalated'],
    [r.boardAwaitingSupervisor, refunds.awaitingSupervisor, '/staff/refunds?view=supervisor'],
    [r.boardToReview, refunds.toReview, '/staff/refunds?view=review'],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{c.staff.dashboardTitle}</PageTitle>
      <ul className="grid gap-3 sm:grid-cols-3">
        {tiles.map(([label, n, href]) => (
          <li key={label}>
            <Link href={href} className="flex min-h-11 flex-col rounded-2xl border-2 border-warm-soft bg-card p-4 hover:border-warm elder:min-h-[3rem]">
              <span className="text-3xl font-bold">{n}</span>
              <span className="text-lg">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="incidents-heading" className="flex flex-col gap-3">
        <h2 id="incidents-heading" className="text-2xl font-bold">{c.staff.incidents}</h2>
        {incidents.length === 0 && <p className="text-lg">{c.staff.noIncidents}</p>}
        {incidents.map((i) => (
          <IncidentCard key={i.id} incident={i} c={c} locale={locale} />
        ))}
      </section>
    </div>
  );
}
