import type { Metadata } from 'next';
import { WorkOrderQueue } from '@/components/complaints/WorkOrderQueue';
import { FilterLinks } from '@/components/ui/FilterLinks';
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
      <FilterLinks label={c.staff.queueTitle} base="/staff/work-orders" views={FILTERS} current={view} names={c.staff.filters} />
      <WorkOrderQueue items={items} now={new Date()} c={c} />
    </div>
  );
}
