import type { Metadata } from 'next';
import Link from 'next/link';
import { staffSignOut } from '@/app/_actions/staff-auth';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';
import { staffPaymentMessages } from '@/lib/i18n/payments';
import { complaintMessages } from '@/lib/i18n/complaints';
import { refundMessages } from '@/lib/i18n/refunds';
import { utilityName } from '@/lib/utilities/queries';
import { StaffLinks } from '@/components/onboarding/StaffLinks';

export const metadata: Metadata = { title: '客服工作台' };

export default async function StaffHome() {
  const staff = await requireStaff();
  const { t, locale } = await preferences();
  const utility = await utilityName(staff.utilityId);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t.staff.dashboard}</PageTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
        <dt className="text-ink-soft">{t.staff.username}</dt>
        <dd data-testid="staff-name">
          {staff.name} ({staff.username})
        </dd>
        <dt className="text-ink-soft">{t.staff.role}</dt>
        <dd>{t.staff[`role${staff.role}`]}</dd>
        <dt className="text-ink-soft">{t.staff.utility}</dt>
        <dd>{locale === 'en' ? utility.nameEn : utility.name}</dd>
      </dl>
      <nav aria-label={t.staff.dashboard} className="flex flex-wrap gap-3">
        <Link href="/staff/work-orders" className="inline-flex min-h-11 items-center rounded-xl bg-warm px-5 text-xl font-semibold text-white elder:min-h-[3rem]">
          {complaintMessages(locale).staff.workOrdersLink}
        </Link>
        {staff.role !== 'AGENT' && (
          <Link href="/staff/dashboard" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
            {complaintMessages(locale).staff.dashboardLink}
          </Link>
        )}
        {staff.role !== 'AGENT' && (
          <Link href="/staff/hotwords" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
            {complaintMessages(locale).hotwords.link}
          </Link>
        )}
        <Link href="/staff/payments" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
          {staffPaymentMessages(locale).title}
        </Link>
        <Link href="/staff/refunds" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
          {refundMessages(locale).staff.link}
        </Link>
      </nav>
      <StaffLinks role={staff.role} locale={locale} />
      <form action={staffSignOut}>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-xl bg-warm px-5 text-xl font-semibold text-white elder:min-h-[3rem]">
          {t.nav.signOut}
        </button>
      </form>
    </div>
  );
}
