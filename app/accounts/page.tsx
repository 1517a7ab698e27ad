import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountSummary } from '@/components/accounts/AccountSummary';
import { PageTitle } from '@/components/ui/PageTitle';
import { listResidentAccounts } from '@/lib/accounts/queries';
import { requireResident } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';

export const metadata: Metadata = { title: '我的户号' };

export default async function AccountsPage() {
  const { residentId } = await requireResident();
  const prefs = await preferences();
  const accounts = await listResidentAccounts(residentId);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{prefs.t.accounts.title}</PageTitle>
      {accounts.length === 0 && <p className="text-lg">{prefs.t.accounts.none}</p>}
      <ul className="flex flex-col gap-3">
        {accounts.map((a) => (
          <li key={a.id}>
            <AccountSummary account={a} prefs={prefs} link />
          </li>
        ))}
      </ul>
      <Link href="/accounts/bind" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
        {prefs.t.accounts.bind}
      </Link>
    </div>
  );
}
