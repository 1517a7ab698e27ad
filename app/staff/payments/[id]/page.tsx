import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { FactList } from '@/components/complaints/FactList';
import { ResolveFlaggedForm } from '@/components/payments/ResolveFlaggedForm';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { billMessages } from '@/lib/i18n/bills';
import { flaggedMessages } from '@/lib/i18n/flagged-payments';
import { paymentMessages } from '@/lib/i18n/payments';
import { RESOLVER_ROLES } from '@/lib/payments/resolve-flagged';
import { staffPaymentDetail } from '@/lib/payments/staff-payment-detail';

export const metadata: Metadata = { title: '缴费详情' };

type BillStatusKey = 'statusISSUED' | 'statusPAID' | 'statusVOID' | 'statusDRAFT';

/** One payment for staff: what was asked and reported, its history, its bill; a flagged one is resolved here. */
export default async function StaffPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // Another utility's payment is simply not found.
  const p = await staffPaymentDetail(staff.utilityId, id);
  if (!p) notFound();
  const { locale } = await preferences();
  const f = flaggedMessages(locale);
  const m = paymentMessages(locale);
  const b = billMessages(locale);
  const reason = p.flaggedReason?.startsWith('amount_mismatch') ? f.reasons.amount_mismatch : p.flaggedReason ? f.reasons.succeeded_after : null;
  const facts: [string, string | null][] = [
    [f.status, m[`status${p.status}`]],
    [f.channel, m[`channel${p.channel}`]],
    [f.asked, formatMoney(p.resolution?.askedFen ?? p.amountFen)],
    [f.reported, p.flaggedReason ? (p.channelReportedFen === null ? f.notReported : formatMoney(p.channelReportedFen)) : null],
    [f.tradeNo, p.outTradeNo],
    [f.channelTradeNo, p.channelTradeNo],
    [f.createdAt, formatDateTime(p.createdAt)],
    [f.paidAt, p.paidAt ? formatDateTime(p.paidAt) : null],
    [f.flag, reason && p.flaggedReason ? `${reason}（${p.flaggedReason}）` : null],
    [f.flaggedAt, p.flaggedAt ? formatDateTime(p.flaggedAt) : null],
  ];
  const canResolve = p.flaggedReason !== null && p.resolution === null && !p.archived && p.status !== 'succeeded';
  const mayResolve = (RESOLVER_ROLES as readonly string[]).includes(staff.role);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{f.title}</PageTitle>
      <section aria-labelledby="payment-heading" className="flex flex-col gap-2">
        <h2 id="payment-heading" className="text-2xl font-bold">
          {f.payment}
        </h2>
        <FactList rows={facts} status={{ label: f.status, testId: 'payment-status' }} />
      </section>

      {/* Present (empty) while the flag is open, so a screen reader hears the outcome when the page
          redraws after a resolution (the form and its own message are gone by then). */}
      <div aria-live="polite">
        {p.resolution && (
          <section aria-labelledby="resolution-heading" className="flex flex-col gap-2 rounded-xl border-2 border-line bg-card p-4" data-testid="payment-resolution">
            <h2 id="resolution-heading" className="text-2xl font-bold">
              {f.resolved}
            </h2>
            <p className="text-xl font-semibold">{f.outcome[p.resolution.outcome]}</p>
            <FactList
              rows={[
                [f.confirmed, formatMoney(p.resolution.confirmedFen)],
                [f.by, p.resolution.staffName],
                [f.at, formatDateTime(p.resolution.at)],
              ]}
              status={{ label: f.confirmed, testId: 'resolution-amount' }}
            />
            <p className="text-lg whitespace-pre-wrap">{p.resolution.note}</p>
            {p.resolution.refundId && (
              <Link href={`/staff/refunds/${p.resolution.refundId}`} className="inline-flex min-h-11 w-fit items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]">
                {fill(f.refund, { number: String(p.resolution.refundNumber ?? '') })}
              </Link>
            )}
          </section>
        )}
      </div>

      {canResolve && (
        <section aria-labelledby="resolve-heading" className="flex flex-col gap-4">
          <h2 id="resolve-heading" className="text-2xl font-bold">
            {f.resolveTitle}
          </h2>
          {mayResolve ? (
            <>
              <p className="text-lg">{f.resolveIntro}</p>
              <ResolveFlaggedForm paymentId={p.id} intent="credit" title={f.creditTitle} hint={f.creditHint} noteLabel={f.note} />
              <ResolveFlaggedForm paymentId={p.id} intent="refund" title={f.refundTitle} hint={f.refundHint} noteLabel={f.note} variant="secondary" />
            </>
          ) : (
            <p className="text-lg font-semibold">{f.supervisorOnly}</p>
          )}
        </section>
      )}

      <section aria-labelledby="events-heading" className="flex flex-col gap-2">
        <h2 id="events-heading" className="text-2xl font-bold">
          {f.events}
        </h2>
        {p.events.length === 0 ? (
          <p className="text-lg">{f.noEvents}</p>
        ) : (
          <ol className="flex flex-col gap-1 text-lg">
            {p.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} · {e.from ? `${m[`status${e.from}`]} → ` : ''}
                {m[`status${e.to}`]} · {e.source}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="bill-heading" className="flex flex-col gap-2">
        <h2 id="bill-heading" className="text-2xl font-bold">
          {f.bill}
        </h2>
        <p className="text-lg">{fill(f.billLine, { season: String(p.bill.season), accountNo: p.bill.accountNo, holder: p.bill.holderName })}</p>
        <FactList
          rows={[
            [f.billStatus, b[`status${p.bill.status}` as BillStatusKey] ?? p.bill.status],
            [f.principal, formatMoney(p.bill.principalFen)],
          ]}
          status={{ label: f.billStatus, testId: 'bill-status' }}
        />
        <h3 className="text-xl font-bold">{f.ledger}</h3>
        {p.bill.ledger.length === 0 ? (
          <p className="text-lg">{f.noLedger}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-lg" data-testid="bill-ledger">
            {p.bill.ledger.map((l, i) => (
              <li key={i} className="flex flex-wrap justify-between gap-2">
                <span>
                  {formatDateTime(l.at)} · {f.ledgerKinds[l.kind as keyof typeof f.ledgerKinds] ?? l.kind}
                </span>
                <span className="tabular-nums">{formatMoney(l.amountFen)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
