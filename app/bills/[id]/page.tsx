import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { LiveDue } from '@/components/bills/LiveDue';
import { PrintButton } from '@/components/bills/PrintButton';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { explainLines, upcomingRules } from '@/lib/bills/explain';
import { getResidentBill } from '@/lib/bills/resident-bills';
import { billTitle } from '@/lib/bills/season';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { billMessages } from '@/lib/i18n/bills';

export const metadata: Metadata = { title: '账单明细' };

const linkButton = 'inline-flex min-h-11 items-center rounded-xl px-5 text-xl font-bold elder:min-h-[3rem]';

export default async function BillPage({ params }: { params: Promise<{ id: string }> }) {
  const { residentId } = await requireResident();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const detail = await getResidentBill(residentId, id, new Date());
  if (!detail) notFound();
  const { locale } = await preferences();
  const m = billMessages(locale);
  const { bill, quote } = detail;
  const why = explainLines(bill.tariff, bill.property, m);
  const notes = upcomingRules(bill.tariff, detail.at, quote.dueFen, m);
  // An opening balance is owed as stated: no lines to explain, no area or tariff behind it.
  const opening = bill.kind === 'OPENING';
  const area = bill.tariff.areaBasis === 'BUILDING' ? bill.property.buildingAreaM2 : bill.property.usableAreaM2;
  return (
    <article className="flex flex-col gap-5">
      <PageTitle intro={billTitle(bill, m)}>{m.detailTitle}</PageTitle>

      <section aria-label={m.dueNow} className="flex flex-col gap-3 rounded-2xl border-2 border-warm bg-card p-4">
        <LiveDue ticker={detail.ticker} labels={{ dueNow: m.dueNow, lateFee: m.lateFee }} />
        {detail.settlementFen < quote.dueFen && (
          <p className="text-lg">
            {m.settleNow} <strong data-testid="settlement">{formatMoney(detail.settlementFen)}</strong>
          </p>
        )}
        {quote.dueFen > 0n && (
          <Link href={`/pay?bill=${bill.id}`} className={`${linkButton} no-print w-fit bg-warm text-white`}>
            {m.payNow}
          </Link>
        )}
      </section>

      {opening ? (
        <p className="rounded-xl bg-warm-soft p-3 text-lg">{m.openingNote}</p>
      ) : (
        <section aria-labelledby="lines-heading" className="flex flex-col gap-3">
          <h2 id="lines-heading" className="text-2xl font-bold">
            {m.lines}
          </h2>
          <ul className="flex flex-col gap-2">
            {quote.lines.map((line) => (
              <li key={line.code} className="rounded-xl border-2 border-warm-soft bg-card p-3" data-line={line.code}>
                <p className="flex flex-wrap justify-between gap-2 text-xl">
                  <span className="font-semibold">{line.label}</span>
                  <span className="font-bold">{formatMoney(line.amountFen)}</span>
                </p>
                {why[line.code] && (
                  <p className="mt-1 text-lg text-ink-soft">
                    <span className="sr-only">{m.why}: </span>
                    {why[line.code]}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {notes.map((note) => (
            <p key={note} className="rounded-xl bg-warm-soft p-3 text-lg">
              {note}
            </p>
          ))}
        </section>
      )}

      <section aria-labelledby="account-heading">
        <h2 id="account-heading" className="sr-only">
          {m.account}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
          <dt className="text-ink-soft">{m.utility}</dt>
          <dd>{locale === 'en' ? detail.utilityNameEn : detail.utilityName}</dd>
          <dt className="text-ink-soft">{m.account}</dt>
          <dd>{detail.accountNo}</dd>
          <dt className="text-ink-soft">{m.address}</dt>
          <dd>{detail.address}</dd>
          {!opening && (
            <>
              <dt className="text-ink-soft">{m.billingArea}</dt>
              <dd>
                {String(area)} ㎡（{bill.tariff.areaBasis === 'BUILDING' ? m.basisBUILDING : m.basisUSABLE}）
              </dd>
              <dt className="text-ink-soft">{m.tariff}</dt>
              <dd>{bill.tariffName}</dd>
            </>
          )}
          <dt className="text-ink-soft">{m.issuedAt}</dt>
          <dd>{formatDateTime(bill.issuedAt)}</dd>
        </dl>
      </section>

      <p className="text-lg">{fill(m.hotline, { hotline: detail.hotline })}</p>
      <p className="hidden text-lg print:block">{fill(m.printedAt, { at: formatDateTime(detail.at) })}</p>
      <div className="no-print flex flex-wrap gap-3">
        <PrintButton label={m.print} />
        <Link href="/bills" className={`${linkButton} border-2 border-warm text-warm`}>
          {m.back}
        </Link>
      </div>
    </article>
  );
}
