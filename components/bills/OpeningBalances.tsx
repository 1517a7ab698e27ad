import Link from 'next/link';
import { formatMoney } from '@/lib/format/money';
import { formatDate } from '@/lib/format/time';
import type { OpeningBalance } from '@/lib/bills/opening-balances';
import type { Locale } from '@/lib/i18n';
import type { BillMessages } from '@/lib/i18n/bills';

/**
 * Balances carried over from the utility's previous system, stated as it handed them over. A
 * debt still due is paid from here through the usual payment flow (its opening bill).
 */
export function OpeningBalances({ balances, locale, m }: { balances: OpeningBalance[]; locale: Locale; m: BillMessages }) {
  if (balances.length === 0) return null;
  const en = locale === 'en';
  return (
    <section aria-labelledby="opening-balances" className="rounded-2xl border-2 border-warm-soft bg-card p-4">
      <h2 id="opening-balances" className="text-2xl font-bold">{en ? 'Carried over from the old system' : '原系统结转'}</h2>
      <ul className="mt-2 flex flex-col gap-3 text-lg">
        {balances.map((b) => (
          <li key={b.accountNo} className="flex flex-col gap-2">
            <p data-testid="opening-balance">
              {en ? 'Account' : '户号'} {b.accountNo}: {b.amountFen > 0n ? (en ? 'owed ' : '欠费 ') : en ? 'credit ' : '余额 '}
              {formatMoney(b.amountFen > 0n ? b.amountFen : -b.amountFen)}（{formatDate(b.asOf)}）
            </p>
            {b.bill && b.bill.status === 'ISSUED' && b.bill.dueFen > 0n && (
              <Link
                href={`/pay?bill=${b.bill.id}`}
                className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-4 text-lg font-semibold text-white elder:min-h-[3rem]"
              >
                {m.openingPay} {formatMoney(b.bill.dueFen)}
                <span className="sr-only"> {b.accountNo}</span>
              </Link>
            )}
            {b.bill?.status === 'PAID' && <p className="font-semibold text-ok">{m.paid}</p>}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-lg text-ink-soft">
        {en ? 'Questions about this amount? Call your heating company.' : '对结转金额有疑问，请联系供热公司。'}
      </p>
    </section>
  );
}
