import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PrintButton } from '@/components/bills/PrintButton';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { billTitle } from '@/lib/bills/season';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { billMessages } from '@/lib/i18n/bills';
import { paymentMessages } from '@/lib/i18n/payments';
import { getResidentPayment } from '@/lib/payments/resident-payments';

export const metadata: Metadata = { title: '电子收据' };

/** 收据: only for a payment the channel confirmed; printable on A4 without the site around it. */
export default async function ReceiptPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { residentId } = await requireResident();
  const { paymentId } = await params;
  if (!z.uuid().safeParse(paymentId).success) notFound();
  const payment = await getResidentPayment(residentId, paymentId);
  if (!payment?.receiptNo || !payment.paidAt) notFound();
  const { locale } = await preferences();
  const m = paymentMessages(locale);
  const bm = billMessages(locale);
  return (
    <article className="flex flex-col gap-5">
      <PageTitle>{m.receiptTitle}</PageTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-2xl border-2 border-warm bg-card p-4 text-lg">
        <dt className="text-ink-soft">{m.receiptNo}</dt>
        <dd className="font-bold" data-testid="receipt-no">
          {payment.receiptNo}
        </dd>
        <dt className="text-ink-soft">{m.payee}</dt>
        <dd>{locale === 'en' ? payment.utilityNameEn : payment.utilityName}</dd>
        <dt className="text-ink-soft">{m.confirmAccount}</dt>
        <dd>{payment.accountNo}</dd>
        <dt className="text-ink-soft">{m.payer}</dt>
        <dd>{payment.holderName}</dd>
        <dt className="text-ink-soft">{m.address}</dt>
        <dd>{payment.address}</dd>
        <dt className="text-ink-soft">{m.season}</dt>
        <dd>{billTitle({ kind: payment.billKind, season: payment.season }, bm)}</dd>
        <dt className="text-ink-soft">{m.amount}</dt>
        <dd className="text-2xl font-bold" data-testid="receipt-amount">
          {formatMoney(payment.amountFen)}
        </dd>
        <dt className="text-ink-soft">{m.channel}</dt>
        <dd>{m[`channel${payment.channel}`]}</dd>
        <dt className="text-ink-soft">{m.paidAt}</dt>
        <dd>{formatDateTime(payment.paidAt)}</dd>
        <dt className="text-ink-soft">{m.tradeNo}</dt>
        <dd className="break-all">{payment.outTradeNo}</dd>
        {payment.channelTradeNo && (
          <>
            <dt className="text-ink-soft">{m.channelTradeNo}</dt>
            <dd className="break-all">{payment.channelTradeNo}</dd>
          </>
        )}
      </dl>
      <p className="text-lg">{m.receiptNote}</p>
      <p className="text-lg">{fill(bm.hotline, { hotline: payment.hotline })}</p>
      <div className="no-print flex flex-wrap gap-3">
        <PrintButton label={m.print} />
        <Link href="/pay/history" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-5 text-xl font-bold text-warm elder:min-h-[3rem]">
          {m.history}
        </Link>
      </div>
    </article>
  );
}
