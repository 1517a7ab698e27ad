import type { Metadata } from 'next';
import { residentSignOut } from '@/app/_actions/resident-auth';
import { DataRights } from '@/components/privacy/DataRights';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { residentPhone } from '@/lib/residents/profile';
import { preferences } from '@/lib/http/request-context';
import { maskPhone } from '@/lib/privacy/mask';
import { openClosureRequest } from '@/lib/privacy/closure';
import { formatDateTime } from '@/lib/format/time';
import { fill } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/privacy';

export const metadata: Metadata = { title: '账户与安全' };

const buttonClass = 'inline-flex min-h-11 items-center rounded-xl px-5 text-xl font-semibold elder:min-h-[3rem]';

export default async function MePage() {
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const phone = await residentPhone(residentId);
  const p = privacyMessages(locale);
  const closureAt = await openClosureRequest(residentId);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t.me.title}</PageTitle>
      <p className="text-xl">
        {t.me.phone}: <span data-testid="masked-phone">{maskPhone(phone)}</span>
      </p>
      <form action={residentSignOut}>
        <button type="submit" className={`${buttonClass} bg-warm text-white`}>
          {t.nav.signOut}
        </button>
      </form>
      <form action={residentSignOut} className="flex flex-col gap-2">
        <input type="hidden" name="scope" value="everywhere" />
        <p className="text-lg text-ink-soft">{t.me.signOutEverywhereHint}</p>
        <button type="submit" className={`${buttonClass} w-fit border-2 border-warm text-warm`}>
          {t.me.signOutEverywhere}
        </button>
      </form>
      <DataRights p={p} pendingText={closureAt ? fill(p.closeRequested, { at: formatDateTime(closureAt) }) : null} />
    </div>
  );
}
