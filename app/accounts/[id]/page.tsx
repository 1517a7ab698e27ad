import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AccountSummary } from '@/components/accounts/AccountSummary';
import { getResidentAccount } from '@/lib/accounts/queries';
import { requireResident } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';

export const metadata: Metadata = { title: '户号详情' };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { residentId } = await requireResident();
  const { id } = await params;
  // Not a well-formed id, or not this resident's account: both are simply "not found".
  if (!z.uuid().safeParse(id).success) notFound();
  const account = await getResidentAccount(residentId, id);
  if (!account) notFound();
  const prefs = await preferences();
  return <AccountSummary account={account} prefs={prefs} level="h1" />;
}
