import type { Metadata } from 'next';
import Link from 'next/link';
import { RefundLines } from '@/components/refunds/RefundLines';
import { RefundTimeline } from '@/components/refunds/RefundTimeline';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { refundMessages } from '@/lib/i18n/refunds';
import { listMyRefunds } from '@/lib/refunds/queries';
import { FINISHED_REFUND_STATES, WITHDRAWABLE_REFUND_STATES } from '@/lib/refunds/state-machine';
import { withdrawRefundAction, type WithdrawError } from '@/app/_actions/refunds';

export const metadata: Metadata = { title: '退费进度' };

const WITHDRAW_ERRORS: Record<WithdrawError, 'tooLate' | 'notFound' | 'failed'> = { too_late: 'tooLate', not_found: 'notFound', failed: 'failed' };

export default async function RefundsPage({ searchParams }: { searchParams: Promise<{ submitted?: string; withdrawn?: string; withdrawError?: string }> }) {
  const { residentId } = await requireResident();
  const { locale } = await preferences();
  const m = refundMessages(locale);
  const { submitted, withdrawn, withdrawError } = await searchParams;
  const withdrawProblem = withdrawError && Object.hasOwn(WITHDRAW_ERRORS, withdrawError) ? WITHDRAW_ERRORS[withdrawError as WithdrawError] : null;
  const refunds = await listMyRefunds(residentId);
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{m.title}</PageTitle>
      {submitted && /^\d+$/.test(submitted) && <Notice tone="ok" live>{fill(m.submitted, { number: submitted })}</Notice>}
      {withdrawn && /^\d+$/.test(withdrawn) && <Notice tone="ok" live>{fill(m.withdraw.done, { number: withdrawn })}</Notice>}
      {withdrawProblem && <Notice tone="error" live>{m.withdraw[withdrawProblem]}</Notice>}
      <p className="text-lg">{m.intro}</p>
      <Link href="/refunds/new" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
        {m.newRequest}
      </Link>
      {refunds.length === 0 && <p className="text-lg">{m.none}</p>}
      <ul className="flex flex-col gap-4">
        {refunds.map((r) => (
          <li key={r.id} className="flex flex-col gap-3 rounded-xl border-2 border-warm-soft bg-card p-4" data-testid="refund-card">
            <h2 className="text-xl font-bold">
              {fill(m.number, { number: r.number })} · {m.reasons[r.reason]} · {formatMoney(r.amountFen)}
            </h2>
            <p className="text-xl font-semibold" data-testid="refund-state">
              {m.states[r.state]}
            </p>
            <p className="text-lg">
              {fill(m.billShort, { season: r.season, accountNo: r.accountNo })}
            </p>
            {!FINISHED_REFUND_STATES.includes(r.state) && (
              <p className="text-lg" data-testid="refund-expected">
                {fill(m.expected, { date: r.expectedBy })}
              </p>
            )}
            {r.state === 'rejected' && r.rejectReason && (
              <p className="text-lg font-semibold text-bad" data-testid="refund-rejected">
                {fill(m.rejectedBecause, { reason: r.rejectReason })}
              </p>
            )}
            <details>
              <summary className="min-h-11 cursor-pointer text-lg font-semibold text-warm elder:min-h-[3rem]">{m.howTitle}</summary>
              <RefundLines lines={r.lines} m={m} />
            </details>
            <RefundTimeline events={r.events} m={m} locale={locale} showActors={false} />
            {WITHDRAWABLE_REFUND_STATES.includes(r.state) && (
              <details data-testid="refund-withdraw">
                <summary className="min-h-11 cursor-pointer text-lg font-semibold text-warm elder:min-h-[3rem]">{m.withdraw.open}</summary>
                <form action={withdrawRefundAction} className="mt-2 flex flex-col gap-3">
                  <p className="text-lg">{m.withdraw.explain}</p>
                  <input type="hidden" name="refundId" value={r.id} />
                  <button
                    type="submit"
                    className="min-h-11 w-fit rounded-xl border-2 border-bad bg-card px-4 text-lg font-semibold text-bad elder:min-h-[3rem]"
                  >
                    {fill(m.withdraw.confirm, { number: r.number })}
                  </button>
                </form>
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
