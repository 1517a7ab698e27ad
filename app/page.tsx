import Link from 'next/link';
import { StationNotices } from '@/components/complaints/StationNotices';
import { ActionTile } from '@/components/home/ActionTile';
import { listResidentAccounts } from '@/lib/accounts/queries';
import { currentResident } from '@/lib/auth/current';
import { stationNoticesFor } from '@/lib/complaints/station-notices';
import { preferences } from '@/lib/http/request-context';
import { complaintMessages } from '@/lib/i18n/complaints';
import { hotline } from '@/lib/utilities/hotline';

export default async function HomePage() {
  const { t, elder, locale } = await preferences();
  const resident = await currentResident();
  const accounts = resident ? await listResidentAccounts(resident.residentId) : [];
  const stationNotices = resident ? await stationNoticesFor(resident.residentId) : [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{resident ? t.home.greeting : t.home.welcome}</h1>
        {!elder && <p className="text-lg text-ink-soft">{t.home.intro}</p>}
      </div>

      <StationNotices notices={stationNotices} c={complaintMessages(locale)} locale={locale} />

      <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
        <h2 id="actions-heading" className="text-2xl font-bold">
          {t.home.actions}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <ActionTile href="/bills" icon="bill" title={t.home.bills} hint={t.home.billsHint} />
          <ActionTile href="/pay" icon="pay" title={t.home.pay} hint={t.home.payHint} />
          <ActionTile href="/repair" icon="repair" title={t.home.repair} hint={t.home.repairHint} />
          <ActionTile href="/refunds" icon="refund" title={t.home.refunds} hint={t.home.refundsHint} />
        </div>
        {elder && (
          <a
            href={`tel:${hotline()}`}
            className="flex min-h-[3rem] items-center justify-center rounded-2xl bg-warm px-4 py-3 text-2xl font-bold text-white"
          >
            {t.home.callHotline} {hotline()}
          </a>
        )}
      </section>

      {resident ? (
        <section aria-labelledby="accounts-heading" className="flex flex-col gap-3">
          <h2 id="accounts-heading" className="text-2xl font-bold">
            {t.home.myAccounts}
          </h2>
          {accounts.length === 0 ? (
            <p className="text-lg">{t.home.noAccounts}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {accounts.map((a) => (
                <li key={a.id}>
                  <Link
                    href={`/accounts/${a.id}`}
                    className="flex min-h-11 flex-col rounded-xl border-2 border-warm-soft bg-card p-3 hover:border-warm elder:min-h-[3rem]"
                  >
                    <span className="text-xl font-semibold">
                      {t.accounts.accountNo} {a.accountNo}
                    </span>
                    <span className="text-lg text-ink-soft">
                      {locale === 'en' ? a.utilityNameEn : a.utilityName} · {a.address}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap gap-3">
            <Link href="/accounts/bind" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-4 text-lg font-semibold text-warm elder:min-h-[3rem]">
              {t.home.bindFirst}
            </Link>
            <Link href="/me" className="inline-flex min-h-11 items-center rounded-xl px-4 text-lg font-semibold text-warm underline elder:min-h-[3rem]">
              {t.me.title}
            </Link>
          </div>
        </section>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Link href="/login" className="inline-flex min-h-11 items-center rounded-xl bg-warm px-6 text-xl font-bold text-white elder:min-h-[3rem]">
            {t.nav.signIn}
          </Link>
          <Link href="/staff/login" className="inline-flex min-h-11 items-center px-2 text-lg text-warm underline elder:min-h-[3rem]">
            {t.signIn.staffLink}
          </Link>
        </div>
      )}
    </div>
  );
}
