import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ResultPoller } from '@/components/payments/ResultPoller';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { paymentMessages } from '@/lib/i18n/payments';
import { getResidentPayment } from '@/lib/payments/resident-payments';

export const metadata: Metadata = { title: '缴费结果' };

const linkButton = 'inline-flex min-h-11 w-fit items-center rounded-xl px-5 text-xl font-bold elder:min-h-[3rem]';

export default async function PaymentResultPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { residentId } = await requireResident();
  const { paymentId } = await params;
  if (!z.uuid().safeParse(paymentId).success) notFound();
  const payment = await getResidentPayment(residentId, paymentId);
  if (!payment) notFound();
  const { locale } = await preferences();
  const m = paymentMessages(locale);
  const channel = m[`channel${payment.channel}`];
  const open = payment.status === 'created' || payment.status === 'pending';
  const ended = payment.status === 'failed' || payment.status === 'expired';
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{m.resultTitle}</PageTitle>
      <div data-testid="payment-status" data-status={payment.status}>
        <Notice tone={payment.status === 'succeeded' ? 'ok' : ended ? 'error' : 'info'} live>
          <p className="text-2xl font-bold">{m[`status${payment.status}`]}</p>
          {open && <p>{fill(m.pendingHint, { channel })}</p>}
          {payment.status === 'succeeded' && <p>{fill(m.succeededHint, { amount: formatMoney(payment.amountFen) })}</p>}
          {payment.status === 'failed' && <p>{m.failedHint}</p>}
          {payment.status === 'expired' && <p>{m.expiredHint}</p>}
        </Notice>
      </div>
      {open && <ResultPoller paymentId={payment.id} status={payment.status} longWait={m.pendingLong} />}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
        <dt className="text-ink-soft">{m.amount}</dt>
        <dd className="font-bold">{formatMoney(payment.amountFen)}</dd>
        <dt className="text-ink-soft">{m.confirmAccount}</dt>
        <dd>{payment.accountNo}</dd>
        <dt className="text-ink-soft">{m.channel}</dt>
        <dd>{channel}</dd>
        <dt className="text-ink-soft">{m.tradeNo}</dt>
        <dd className="break-all">{payment.outTradeNo}</dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        {payment.receiptNo && (
          <Link href={`/receipts/${payment.id}`} className={`${linkButton} bg-warm text-white`}>
            {m.viewReceipt}
          </Link>
        )}
        {ended && (
          <Link href={`/pay?bill=${payment.billId}`} className={`${linkButton} bg-warm text-white`}>
            {m.retry}
          </Link>
        )}
        <Link href="/bills" className={`${linkButton} border-2 border-warm text-warm`}>
          {m.toBills}
        </Link>
      </div>
    </div>
  );
}
