import Link from 'next/link';
import { PageTitle } from '@/components/ui/PageTitle';
import { preferences } from '@/lib/http/request-context';

export default async function NotFound() {
  const { t } = await preferences();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle intro={t.errors.notFoundBody}>{t.errors.notFoundTitle}</PageTitle>
      <Link href="/" className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
        {t.nav.home}
      </Link>
    </div>
  );
}
