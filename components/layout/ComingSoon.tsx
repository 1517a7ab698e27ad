import Link from 'next/link';
import { PageTitle } from '@/components/ui/PageTitle';
import { Notice } from '@/components/ui/Notice';
import { preferences } from '@/lib/http/request-context';
import { hotline } from '@/lib/utilities/hotline';

/** A service that is not open yet says so plainly and offers the hotline instead. */
export async function ComingSoon({ title }: { title: string }) {
  const { t } = await preferences();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{title}</PageTitle>
      <Notice>
        <p className="font-semibold">{t.comingSoon.title}</p>
        <p>{t.comingSoon.body}</p>
      </Notice>
      <div className="flex flex-wrap gap-3">
        <a href={`tel:${hotline()}`} className="inline-flex min-h-11 items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]">
          {t.home.callHotline} {hotline()}
        </a>
        <Link href="/" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
          {t.nav.home}
        </Link>
      </div>
    </div>
  );
}
