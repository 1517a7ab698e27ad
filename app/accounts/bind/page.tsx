import type { Metadata } from 'next';
import { BindAccountForm } from '@/components/accounts/BindAccountForm';
import { PageTitle } from '@/components/ui/PageTitle';
import { listUtilities } from '@/lib/accounts/queries';
import { requireResident } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';

export const metadata: Metadata = { title: '绑定户号' };

export default async function BindPage() {
  await requireResident();
  const { t, locale } = await preferences();
  const utilities = await listUtilities();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle intro={t.accounts.bindIntro}>{t.accounts.bindTitle}</PageTitle>
      <BindAccountForm
        utilities={utilities.map((u) => ({ id: u.id, name: locale === 'en' ? u.nameEn : u.name }))}
        labels={{
          utility: t.accounts.utility,
          accountNo: t.accounts.accountNo,
          accountNoHint: t.accounts.accountNoHint,
          holderName: t.accounts.holderName,
          submit: t.accounts.submitBind,
          viewAccount: t.accounts.title,
        }}
      />
    </div>
  );
}
