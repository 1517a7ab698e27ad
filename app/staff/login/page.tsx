import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { StaffSignInForm } from '@/components/staff/StaffSignInForm';
import { PageTitle } from '@/components/ui/PageTitle';
import { currentStaff } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';

export const metadata: Metadata = { title: '客服人员登录' };

export default async function StaffLoginPage() {
  if (await currentStaff()) redirect('/staff');
  const { t } = await preferences();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t.staff.signInTitle}</PageTitle>
      <StaffSignInForm labels={{ username: t.staff.username, password: t.staff.password, submit: t.staff.submit }} />
    </div>
  );
}
