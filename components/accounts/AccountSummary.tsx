import Link from 'next/link';
import type { AccountView } from '@/lib/accounts/queries';
import type { Preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';

export function AccountSummary({
  account,
  prefs,
  link,
  level = 'h2',
}: {
  account: AccountView;
  prefs: Preferences;
  link?: boolean;
  level?: 'h1' | 'h2';
}) {
  const Heading = level;
  const { t, locale } = prefs;
  const title = `${t.accounts.accountNo} ${account.accountNo}`;
  return (
    <div className="rounded-2xl border-2 border-warm-soft bg-card p-4">
      <Heading className={level === 'h1' ? 'text-3xl font-bold' : 'text-2xl font-bold'}>
        {link ? (
          <Link href={`/accounts/${account.id}`} className="inline-flex min-h-11 items-center text-warm underline elder:min-h-[3rem]">
            {title}
          </Link>
        ) : (
          title
        )}
      </Heading>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
        <dt className="text-ink-soft">{t.accounts.utility}</dt>
        <dd>{locale === 'en' ? account.utilityNameEn : account.utilityName}</dd>
        <dt className="text-ink-soft">{t.accounts.address}</dt>
        <dd>{account.address}</dd>
        <dt className="text-ink-soft">{t.accounts.buildingArea}</dt>
        <dd>{fill(t.accounts.m2, { n: account.buildingAreaM2 })}</dd>
        <dt className="text-ink-soft">{t.accounts.usableArea}</dt>
        <dd>{fill(t.accounts.m2, { n: account.usableAreaM2 })}</dd>
        <dt className="text-ink-soft">{t.accounts.station}</dt>
        <dd>{account.stationName}</dd>
        <dt className="text-ink-soft">{t.accounts.status}</dt>
        <dd>{t.accounts[`status${account.status}`]}</dd>
      </dl>
    </div>
  );
}
