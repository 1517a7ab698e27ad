import type { Metadata } from 'next';
import { z } from 'zod';
import { RevealButton } from '@/components/privacy/RevealButton';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatYuan } from '@/lib/format/money';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/privacy';
import { lookupAccounts } from '@/lib/privacy/account-lookup';
import { canReveal } from '@/lib/privacy/reveal';

export const metadata: Metadata = { title: '户档案查询' };

const inputClass = 'min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl text-ink elder:min-h-[3rem]';

export default async function StaffAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const { t, locale } = await preferences();
  const p = privacyMessages(locale);
  const q = z.string().trim().min(1).max(64).safeParse((await searchParams).q);
  const results = q.success ? await lookupAccounts(staff, q.data, (await requestMeta()).ip, new Date()) : null;
  const reveal = canReveal(staff.role);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle intro={p.lookupIntro}>{p.lookupTitle}</PageTitle>
      <form method="get" className="flex flex-col gap-3" role="search">
        <label htmlFor="lookup-q" className="text-lg font-semibold">{p.query}</label>
        <input id="lookup-q" name="q" defaultValue={q.success ? q.data : ''} maxLength={64} className={inputClass} autoComplete="off" />
        <button type="submit" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-lg font-semibold text-white elder:min-h-[3rem]">
          {p.search}
        </button>
      </form>
      {results && results.length === 0 && <p className="text-lg">{p.noResults}</p>}
      {results && results.length > 0 && (
        <ul className="flex flex-col gap-4" data-testid="lookup-results">
          {results.map((a) => (
            <li key={a.id} className="flex flex-col gap-2 rounded-xl border-2 border-line bg-card p-4 text-lg">
              <h2 className="text-xl font-bold">{p.accountNo} {a.accountNo}</h2>
              <p>{p.holder}: {a.holderName} · {p.status}: {t.accounts[`status${a.status}`]}</p>
              <p>{p.address}: {a.address}</p>
              <div className="flex flex-col gap-1">
                <span className="font-semibold">{p.phone}</span>
                {a.phoneMasked ? (
                  reveal ? (
                    <RevealButton accountId={a.id} field="phone" masked={a.phoneMasked} labels={{ reveal: fill(p.reveal, { field: p.phone }), revealed: p.revealed }} />
                  ) : (
                    <span data-testid="value-phone" className="font-mono">{a.phoneMasked}</span>
                  )
                ) : (
                  <span>{p.none}</span>
                )}
              </div>
              <div className="flex flex-col gap-1">
                <span className="font-semibold">{p.idNumber}</span>
                {a.idMasked ? (
                  reveal ? (
                    <RevealButton accountId={a.id} field="id_number" masked={a.idMasked} labels={{ reveal: fill(p.reveal, { field: p.idNumber }), revealed: p.revealed }} />
                  ) : (
                    <span data-testid="value-id_number" className="font-mono">{a.idMasked}</span>
                  )
                ) : (
                  <span>{p.none}</span>
                )}
              </div>
              {a.openingBalanceFen !== null && <p>{p.openingBalance}: {formatYuan(a.openingBalanceFen)} 元</p>}
              {a.archivedBills > 0 && <p>{p.archivedBills}: {a.archivedBills}</p>}
              {a.mergedFrom.length > 0 && <p>{p.mergedFrom}: {a.mergedFrom.join('、')}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
