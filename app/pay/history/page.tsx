import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui/PageTitle';
import { readAsResident } from '@/lib/auth/current';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { paymentMessages } from '@/lib/i18n/payments';
import { listPaymentsForSession, type ResidentPayment } from '@/lib/payments/resident-payments';

export const metadata: Metadata = { title: '缴费记录' };

export default async function PaymentHistoryPage() {
  const payments = await readAsResident(listPaymentsForSession);
  const { locale } = await preferences();
  const m = paymentMessages(locale);
  const byAccount = new Map<string, ResidentPayment[]>();
  for (const p of payments) byAccount.set(p.accountNo, [...(byAccount.get(p.accountNo) ?? []), p]);
  return (
    <div className="flex flex-col gap-5">
      <PageTitle>{m.historyTitle}</PageTitle>
      {payments.length === 0 && <p className="text-lg">{m.historyNone}</p>}
      {[...byAccount].map(([accountNo, list]) => (
        <section key={accountNo} aria-labelledby={`acct-${accountNo}`} className="flex flex-col gap-3">
          <h2 id={`acct-${accountNo}`} className="text-2xl font-bold">
            {fill(m.historyAccount, { accountNo })}
          </h2>
          <ul className="flex flex-col gap-2">
            {list.map((p) => (
              <li key={p.id} className="flex flex-col gap-1 rounded-xl border-2 border-warm-soft bg-card p-3 text-lg" data-testid="history-item">
                <p className="flex flex-wrap justify-between gap-2 text-xl">
                  <strong>{formatMoney(p.amountFen)}</strong>
                  <span>{m[`status${p.status}`]}</span>
                </p>
                <p className="text-ink-soft">
                  {formatDateTime(p.paidAt ?? p.createdAt)} · {m[`channel${p.channel}`]}
                </p>
                <Link
                  href={p.receiptNo ? `/receipts/${p.id}` : `/pay/result/${p.id}`}
                  className="inline-flex min-h-11 w-fit items-center font-semibold text-warm underline elder:min-h-[3rem]"
                >
                  {p.receiptNo ? `${m.viewReceipt} ${p.receiptNo}` : `${m.resultTitle} ${p.outTradeNo}`}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
