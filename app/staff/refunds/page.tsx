import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterLinks } from '@/components/ui/FilterLinks';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatShanghai } from '@/lib/complaints/format';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { refundMessages } from '@/lib/i18n/refunds';
import { REFUND_QUEUE_VIEWS, staffRefundQueue } from '@/lib/refunds/queries';

export const metadata: Metadata = { title: '退费审核' };

export default async function StaffRefundsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const staff = await requireStaff();
  const { locale } = await preferences();
  const m = refundMessages(locale);
  const requested = (await searchParams).view;
  const view = REFUND_QUEUE_VIEWS.find((v) => v === requested) ?? 'open';
  const refunds = await staffRefundQueue(staff.utilityId, view);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{m.staff.queueTitle}</PageTitle>
      <FilterLinks label={m.staff.queueTitle} base="/staff/refunds" views={REFUND_QUEUE_VIEWS} current={view} names={m.staff.views} />
      {refunds.length === 0 && <p className="text-lg">{m.staff.none}</p>}
      <ul className="flex flex-col gap-3">
        {refunds.map((r) => (
          <li key={r.id}>
            <Link
              href={`/staff/refunds/${r.id}`}
              className="flex min-h-11 flex-col gap-1 rounded-xl border-2 border-warm-soft bg-card p-3 hover:border-warm elder:min-h-[3rem]"
            >
              <span className="text-xl font-semibold">
                {fill(m.number, { number: r.number })} · {m.reasons[r.reason]} · {formatMoney(r.amountFen)}
              </span>
              <span className="text-lg">
                {m.states[r.state]}
                {r.escalated ? ` · ${m.staff.escalated}` : ''}
              </span>
              <span className="text-lg text-ink-soft">
                {r.accountNo} · {formatShanghai(r.createdAt, locale)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
