import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { shanghaiDateOf } from '@/lib/billing';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { paymentMessages, staffPaymentMessages } from '@/lib/i18n/payments';
import { reconcileDay } from '@/lib/payments/staff-payments';

export const metadata: Metadata = { title: '每日对账' };

const daySchema = z.iso.date();
const field = 'min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl text-ink elder:min-h-[3rem]';

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const staff = await requireStaff();
  const { locale } = await preferences();
  const s = staffPaymentMessages(locale);
  const m = paymentMessages(locale);
  const asked = (await searchParams).day;
  const valid = asked === undefined || daySchema.safeParse(asked).success;
  const day = asked !== undefined && valid ? asked : shanghaiDateOf(new Date());
  const report = await reconcileDay(staff.utilityId, day);
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{s.reconTitle}</PageTitle>
      {!valid && <Notice tone="error">{s.badDay}</Notice>}
      <form method="GET" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-lg font-semibold">{s.day}</span>
          <input type="date" name="day" defaultValue={day} className={field} />
        </label>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-xl bg-warm px-5 text-xl font-semibold text-white elder:min-h-[3rem]">
          {s.submit}
        </button>
      </form>
      {report.channels.length === 0 && <p className="text-lg">{s.noPayments}</p>}
      {report.channels.map((c) => (
        <section key={c.channel} aria-labelledby={`ch-${c.channel}`} className="rounded-2xl border-2 border-warm-soft bg-card p-4" data-testid={`recon-${c.channel}`}>
          <h2 id={`ch-${c.channel}`} className="text-2xl font-bold">
            {m[`channel${c.channel}`]}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
            <dt>{s.started}</dt>
            <dd>{c.started}</dd>
            <dt>{s.succeeded}</dt>
            <dd data-testid="recon-succeeded">{c.succeeded}</dd>
            <dt>{s.succeededFen}</dt>
            <dd className="font-bold" data-testid="recon-total">
              {formatMoney(c.succeededFen)}
            </dd>
            <dt>{s.failed}</dt>
            <dd>{c.failed}</dd>
            <dt>{s.expired}</dt>
            <dd>{c.expired}</dd>
            <dt>{s.open}</dt>
            <dd>{c.open}</dd>
            <dt>{s.ledgerMismatch}</dt>
            <dd className={c.ledgerMismatchFen === 0n ? '' : 'font-bold text-bad'}>{formatMoney(c.ledgerMismatchFen)}</dd>
          </dl>
        </section>
      ))}
      <section aria-labelledby="exceptions" className="flex flex-col gap-2">
        <h2 id="exceptions" className="text-2xl font-bold">
          {s.exceptions}
        </h2>
        {report.exceptions.length === 0 && <p className="text-lg">{s.noExceptions}</p>}
        <ul className="flex flex-col gap-2">
          {report.exceptions.map((e) => (
            <li key={e.id} className="rounded-xl border-2 border-bad bg-bad-soft p-3 text-lg" data-testid="recon-exception">
              <p>
                {s.account} {e.accountNo} · {formatMoney(e.amountFen)} · {m[`status${e.status}`]} · {formatDateTime(e.createdAt)}
              </p>
              <p className="break-all">
                {s.tradeNo} {e.outTradeNo}
              </p>
              {e.flaggedReason && (
                <p className="font-semibold">
                  {fill(s.flagged, { reason: e.flaggedReason })} · <span data-testid="recon-resolution">{e.resolution ? s.resolved[e.resolution] : s.unresolved}</span>
                </p>
              )}
              <p>
                {s.ledger}: {e.ledgerFen === null ? s.noLedger : formatMoney(e.ledgerFen)}
              </p>
              <Link href={`/staff/payments/${e.id}`} className="inline-flex min-h-11 w-fit items-center font-semibold text-warm underline elder:min-h-[3rem]">
                {e.flaggedReason && !e.resolution ? s.resolve : s.details}
                <span className="sr-only"> {e.outTradeNo}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
