import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PhoneSignInForm } from '@/components/auth/PhoneSignInForm';
import { PageTitle } from '@/components/ui/PageTitle';
import { currentResident } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage() {
  if (await currentResident()) redirect('/');
  const { t, elder } = await preferences();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t.signIn.title}</PageTitle>
      <PhoneSignInForm
        labels={{
          phone: t.signIn.phone,
          phoneHint: t.signIn.phoneHint,
          sendCode: t.signIn.sendCode,
          resend: t.signIn.resend,
          code: t.signIn.code,
          codeHint: elder ? t.signIn.codeHintElder : t.signIn.codeHint,
          submit: t.signIn.submit,
          changePhone: t.signIn.changePhone,
          demoCode: t.signIn.demoCode,
        }}
      />
      <Link href="/staff/login" className="inline-flex min-h-11 items-center text-lg text-warm underline elder:min-h-[3rem]">
        {t.signIn.staffLink}
      </Link>
    </div>
  );
}
