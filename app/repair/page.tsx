import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ComplaintForm } from '@/components/complaints/ComplaintForm';
import { env } from '@/lib/env';
import { speechConfig } from '@/lib/speech/config';
import { StationNotices } from '@/components/complaints/StationNotices';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { listResidentAccounts } from '@/lib/accounts/queries';
import { requireResident } from '@/lib/auth/current';
import { stationNoticesFor } from '@/lib/complaints/station-notices';
import { preferences } from '@/lib/http/request-context';
import { complaintMessages } from '@/lib/i18n/complaints';
import { residentPhone } from '@/lib/residents/profile';

export const metadata: Metadata = { title: '报修' };

export default async function RepairPage() {
  const { residentId } = await requireResident();
  const { locale, elder, t } = await preferences();
  const c = complaintMessages(locale);
  const [accounts, notices, phone] = await Promise.all([listResidentAccounts(residentId), stationNoticesFor(residentId), residentPhone(residentId)]);
  const open = accounts.filter((a) => a.status !== 'CLOSED');
  return (
    <div className="flex flex-col gap-6">
      <PageTitle intro={elder ? undefined : c.file.intro}>{c.file.title}</PageTitle>
      <Link href="/repair/mine" className="inline-flex min-h-11 w-fit items-center text-lg font-semibold text-warm underline elder:min-h-[3rem]">
        {c.file.mine}
      </Link>
      <StationNotices notices={notices} c={c} locale={locale} />
      {open.length === 0 ? (
        <div className="flex flex-col gap-3">
          <Notice>{c.file.noAccounts}</Notice>
          <Link href="/accounts/bind" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
            {c.file.bindFirst}
          </Link>
        </div>
      ) : (
        <ComplaintForm
          accounts={open.map((a) => ({ id: a.id, label: `${a.accountNo} · ${a.address}` }))}
          idempotencyKey={randomUUID()}
          defaultPhone={phone}
          elder={elder}
          c={c}
          azure={speechConfig() !== null}
          wechat={env().payments.officialAccount !== null}
          dictation={{ start: t.voice.dictate, listening: t.voice.listening, failed: t.voice.failed, denied: t.voice.denied, tooShort: t.voice.tooShort }}
        />
      )}
    </div>
  );
}
