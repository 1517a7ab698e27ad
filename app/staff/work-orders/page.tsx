import type { Metadata } from 'next';
import Link from 'next/link';
import { WorkOrderQueue } from '@/components/complaints/WorkOrderQueue';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { workOrderQueue, type QueueFilter } from '@/lib/complaints/staff-queries';
import { preferences } from '@/lib/http/request-context';
import { complaintMessages } from '@/lib/i18n/complaints';

export const metadata: Metadata = { title: '工单队列' };

const FILTERS: QueueFilter[] = ['active', 'mine', 'escalated', 'done'];

export default async function WorkOrdersPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const staff = await requireStaff();
  const { locale } = await preferences();
  const c = complaintMessages(locale);
  const requested = (await searchParams).view;
  const view = FILTERS.find((f) => f === requested) ?? 'active';
  const items = await workOrderQueue(staff, view);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{c.staff.queueTitle}</PageTitle>
      <nav aria-label={c.staff.queueTitle} className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f}
            href={`/staff/work-orders?view=${f}`}
            aria-current={f === view ? 'page' : undefined}
            className={`inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-4 text-lg font-semibold elder:min-h-[3rem] ${f === view ? 'bg-warm text-white' : 'bg-card text-warm'}`}
          >
            {c.staff.filters[f]}
          </Link>
        ))}
      </nav>
      <WorkOrderQueue items={items} now={new Date()} c={c} />
    </div>
  );
}
