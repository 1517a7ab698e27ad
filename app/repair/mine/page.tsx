import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { formatShanghai } from '@/lib/complaints/format';
import { listMyComplaints } from '@/lib/complaints/resident-queries';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { complaintMessages } from '@/lib/i18n/complaints';

export const metadata: Metadata = { title: '我的报修' };

export default async function MyComplaintsPage() {
  const { residentId } = await requireResident();
  const { locale } = await preferences();
  const c = complaintMessages(locale);
  const complaints = await listMyComplaints(residentId);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{c.detail.listTitle}</PageTitle>
      {complaints.length === 0 && <p className="text-lg">{c.detail.none}</p>}
      <ul className="flex flex-col gap-3">
        {complaints.map((x) => (
          <li key={x.id}>
            <Link
              href={`/repair/${x.id}`}
              className="flex min-h-11 flex-col gap-1 rounded-xl border-2 border-warm-soft bg-card p-3 hover:border-warm elder:min-h-[3rem]"
            >
              <span className="text-xl font-semibold">
                {fill(c.detail.number, { number: x.number })} · {c.problems[x.problem]}
              </span>
              <span className="text-lg">{c.states[x.state]}</span>
              <span className="text-lg text-ink-soft">
                {x.accountNo} · {formatShanghai(x.createdAt, locale)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href="/repair" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
        {c.detail.newComplaint}
      </Link>
    </div>
  );
}
