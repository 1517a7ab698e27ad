import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { RefundLines } from '@/components/refunds/RefundLines';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { AppError } from '@/lib/errors/app-error';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { refundMessages, type RefundMessages } from '@/lib/i18n/refunds';
import { refundableBills } from '@/lib/refunds/queries';
import { quoteRefund, type RefundQuote } from '@/lib/refunds/quote-refund';
import { REFUND_REASONS } from '@/lib/refunds/state-machine';
import { NOTE_MAX } from '@/lib/refunds/submit-refund';

export const metadata: Metadata = { title: '申请退费' };

const choice = z.object({ bill: z.uuid(), reason: z.enum(REFUND_REASONS) });
const radio = 'h-6 w-6 accent-warm elder:h-8 elder:w-8';
const option = 'flex min-h-11 items-center gap-3 rounded-xl border-2 border-line bg-card p-3 text-lg has-[:checked]:border-warm elder:min-h-[3rem]';

export default async function NewRefundPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { residentId } = await requireResident();
  const { locale, elder } = await preferences();
  const m = refundMessages(locale);
  const params = await searchParams;
  const bills = await refundableBills(residentId);
  const picked = choice.safeParse(params);
  let quote: RefundQuote | null = null;
  let notFound = false;
  if (picked.success) {
    try {
      quote = await quoteRefund({ residentId, billId: picked.data.bill, reason: picked.data.reason }, new Date());
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'not_found' && error.code !== 'invalid_input')) throw error;
      notFound = true;
    }
  }
  const refusal = params.error && params.error in m.refusals ? m.refusals[params.error as keyof RefundMessages['refusals']] : null;
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{m.requestTitle}</PageTitle>
      <p className="text-lg">{m.requestIntro}</p>
      {refusal && <Notice tone="error" live>{refusal}</Notice>}
      {bills.length === 0 ? (
        <p className="text-lg">{m.noBills}</p>
      ) : (
        <form method="get" action="/refunds/new" className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-xl font-semibold">{m.chooseBill}</legend>
            {bills.map((b, i) => (
              <label key={b.id} className={option}>
                <input type="radio" name="bill" value={b.id} required defaultChecked={picked.success ? picked.data.bill === b.id : i === 0} className={radio} />
                {fill(m.billLabel, { season: b.season, accountNo: b.accountNo, paid: formatMoney(b.paidFen) })}
              </label>
            ))}
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-xl font-semibold">{m.chooseReason}</legend>
            {REFUND_REASONS.map((reason) => (
              <label key={reason} className={option}>
                <input type="radio" name="reason" value={reason} required defaultChecked={picked.success && picked.data.reason === reason} className={radio} />
                <span className="flex flex-col">
                  <span className="font-semibold">{m.reasons[reason]}</span>
                  <span className="text-ink-soft">{m.reasonHints[reason]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="inline-flex min-h-11 w-fit items-center rounded-xl border-2 border-warm bg-card px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
            {m.calculate}
          </button>
        </form>
      )}
      {notFound && <Notice tone="error">{m.refusals.bill_not_refundable}</Notice>}
      {quote && picked.success && (
        <section aria-labelledby="quote-heading" className="flex flex-col gap-4 rounded-xl border-2 border-warm bg-card p-4">
          <h2 id="quote-heading" className="text-2xl font-bold">
            {m.howTitle}
          </h2>
          <RefundLines lines={quote.lines} m={m} testId="refund-quote" />
          {quote.refusal ? (
            <Notice tone="error">{m.refusals[quote.refusal]}</Notice>
          ) : (
            <form method="post" action="/api/refunds" encType="multipart/form-data" className="flex flex-col gap-4">
              <h3 className="text-xl font-bold">{m.confirmTitle}</h3>
              <input type="hidden" name="billId" value={quote.billId} />
              <input type="hidden" name="reason" value={picked.data.reason} />
              {/* A double submit carries the same key and yields the same request. */}
              <input type="hidden" name="idempotencyKey" value={randomUUID()} />
              <label htmlFor="refund-note" className="text-lg font-semibold">
                {m.note}
              </label>
              <textarea id="refund-note" name="note" rows={3} maxLength={NOTE_MAX} className="rounded-lg border-2 border-line bg-paper p-2 text-lg" />
              <label htmlFor="refund-photos" className="text-lg font-semibold">
                {m.photos}
              </label>
              <input
                id="refund-photos"
                name="photos"
                type="file"
                multiple
                accept="image/jpeg,image/png,image/heic,.heic,.heif"
                className="min-h-11 rounded-lg border-2 border-line bg-paper p-2 text-lg elder:min-h-[3rem]"
              />
              {elder && (
                <label className="flex min-h-[3rem] items-center gap-3 text-xl font-semibold">
                  <input type="checkbox" name="checked" required className="h-8 w-8 accent-warm" />
                  {fill(m.elderCheck, { amount: formatMoney(quote.amountFen) })}
                </label>
              )}
              <button type="submit" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
                {fill(m.submit, { amount: formatMoney(quote.amountFen) })}
              </button>
            </form>
          )}
        </section>
      )}
      <Link href="/refunds" className="inline-flex min-h-11 w-fit items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]">
        {m.title}
      </Link>
    </div>
  );
}
