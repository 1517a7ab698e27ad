import type { Metadata } from 'next';
import Link from 'next/link';
import { OpeningBalances } from '@/components/bills/OpeningBalances';
import { PageTitle } from '@/components/ui/PageTitle';
import { readAsResident } from '@/lib/auth/current';
import { listOpeningBalances } from '@/lib/bills/opening-balances';
import { residentBillsForSession } from '@/lib/bills/resident-bills';
import { seasonRange } from '@/lib/bills/season';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { billMessages } from '@/lib/i18n/bills';

export const metadata: Metadata = { title: '我的账单' };

export default async function BillsPage() {
  const now = new Date();
  const { residentId, bills, hasOpeningBalances } = await readAsResident(residentBillsForSession, now);
  const carried = hasOpeningBalances ? await listOpeningBalances(residentId, now) : [];
  const { locale } = await preferences();
  const m = billMessages(locale);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{m.title}</PageTitle>
      <OpeningBalances balances={carried} locale={locale} m={m} />
      {bills.length === 0 && carried.length === 0 && <p className="text-lg">{m.none}</p>}
      <ul className="flex flex-col gap-3">
        {bills.map((b) => (
          <li key={b.id} className="rounded-2xl border-2 border-warm-soft bg-card p-4">
            <h2 className="text-2xl font-bold">{fill(m.season, seasonRange(b.season))}</h2>
            <p className="text-lg text-ink-soft">
              {m.account} {b.accountNo} · {b.address}
            </p>
            <p className="mt-2 flex flex-wrap items-baseline gap-x-3 text-xl">
              <span className={b.dueFen > 0n ? 'font-semibold text-bad' : 'font-semibold text-ok'}>
                {b.dueFen > 0n ? m.statusISSUED : m.statusPAID}
              </span>
              {b.dueFen > 0n && (
                <span>
                  {m.due} <strong data-testid="bill-due">{formatMoney(b.dueFen)}</strong>
                </span>
              )}
            </p>
            <Link
              href={`/bills/${b.id}`}
              className="mt-3 inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-4 text-lg font-semibold text-warm elder:min-h-[3rem]"
            >
              {m.detail}
              <span className="sr-only">
                {' '}
                {fill(m.season, seasonRange(b.season))} {b.accountNo}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
