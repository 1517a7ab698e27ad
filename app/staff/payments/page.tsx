import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { paymentMessages, staffPaymentMessages } from '@/lib/i18n/payments';
import { PAYMENT_STATUSES } from '@/lib/payments/payment-status';
import { searchPayments } from '@/lib/payments/staff-payments';

export const metadata: Metadata = { title: '缴费查询' };

const filterSchema = z.object({
  q: z.string().trim().max(64).optional(),
  status: z.enum(PAYMENT_STATUSES).optional().catch(undefined),
  // '1': flagged and waiting for staff (the default meaning); 'all': resolved ones too.
  flagged: z.enum(['1', 'all']).optional().catch(undefined),
});

const field = 'min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl text-ink elder:min-h-[3rem]';

/** Plain GET form: the search lives in the URL, so it can be bookmarked and shared in the team. */
export default async function StaffPaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const { locale } = await preferences();
  const s = staffPaymentMessages(locale);
  const m = paymentMessages(locale);
  const parsed = filterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const rows = await searchPayments(staff.utilityId, { query: filter.q || undefined, status: filter.status, flagged: filter.flagged === '1' ? 'open' : filter.flagged === 'all' ? 'all' : undefined });
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{s.title}</PageTitle>
      <form method="GET" className="flex flex-col gap-3" role="search">
        <label className="flex flex-col gap-1">
          <span className="text-lg font-semibold">{s.search}</span>
          <input name="q" defaultValue={filter.q ?? ''} maxLength={64} className={field} aria-describedby="q-hint" />
          <span id="q-hint" className="text-ink-soft">
            {s.searchHint}
          </span>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-lg font-semibold">{s.status}</span>
          <select name="status" defaultValue={filter.status ?? ''} className={field}>
            <option value="">{s.any}</option>
            {PAYMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {m[`status${status}`]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-lg font-semibold">{s.flaggedFilter}</span>
          <select name="flagged" defaultValue={filter.flagged ?? ''} className={field}>
            <option value="">{s.any}</option>
            <option value="1">{s.flaggedOnly}</option>
            <option value="all">{s.flaggedAll}</option>
          </select>
        </label>
        <button type="submit" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-semibold text-white elder:min-h-[3rem]">
          {s.submit}
        </button>
      </form>
      <Link href="/staff/payments/reconciliation" className="inline-flex min-h-11 w-fit items-center text-xl font-semibold text-warm underline elder:min-h-[3rem]">
        {s.reconciliation}
      </Link>
      {rows.length === 0 ? (
        <p className="text-lg">{s.none}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={s.title}>
          {rows.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 rounded-xl border-2 border-warm-soft bg-card p-3 text-lg" data-testid="staff-payment">
              <p className="flex flex-wrap justify-between gap-2 text-xl">
                <strong>{formatMoney(r.amountFen)}</strong>
                <span>{m[`status${r.status}`]}</span>
              </p>
              <p>
                {s.account} {r.accountNo} · {r.holderName} · {m[`channel${r.channel}`]}
              </p>
              <p className="break-all text-ink-soft">
                {s.tradeNo} {r.outTradeNo} · {formatDateTime(r.createdAt)}
                {r.archived && ` · ${s.archived}`}
              </p>
              {r.flaggedReason && (
                <p className={`font-semibold ${r.resolution ? '' : 'text-bad'}`} data-testid="flag-state">
                  {fill(s.flagged, { reason: r.flaggedReason })} · {r.resolution ? s.resolved[r.resolution] : s.unresolved}
                </p>
              )}
              <Link href={`/staff/payments/${r.id}`} className="inline-flex min-h-11 w-fit items-center font-semibold text-warm underline elder:min-h-[3rem]">
                {r.flaggedReason && !r.resolution ? s.resolve : s.details}
                <span className="sr-only"> {r.outTradeNo}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
