import type { Metadata } from 'next';
import { ImportForm } from '@/components/onboarding/ImportForm';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { onboardingMessages } from '@/lib/i18n/onboarding';
import { listImports } from '@/lib/onboarding/batches';

export const metadata: Metadata = { title: '导入历史数据' };

export default async function StaffImportPage() {
  const staff = await requireStaff(['ADMIN']);
  const { locale } = await preferences();
  const m = onboardingMessages(locale);
  const imports = await listImports(staff.utilityId);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle intro={m.page.importIntro}>{m.page.importTitle}</PageTitle>
      <ImportForm m={m} />
      <section aria-labelledby="history" className="flex flex-col gap-3">
        <h2 id="history" className="text-2xl font-bold">{m.page.history}</h2>
        {imports.length === 0 ? (
          <p className="text-lg">{m.page.noHistory}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {imports.map((b) => (
              <li key={b.id} className="rounded-xl border-2 border-line bg-card p-3 text-lg">
                <p className="font-semibold">{b.fileName}</p>
                <p>
                  {formatDateTime(b.startedAt)} · {m.report.rows} {b.totalRows} · {m.outcome.accepted} {b.accepted} · {m.outcome.fixed} {b.fixed} ·{' '}
                  {m.outcome.merged} {b.merged} · {m.outcome.rejected} {b.rejected}
                </p>
                {b.hasCsv && (
                  <a href={`/staff/import/${b.id}/report`} className="inline-flex min-h-11 items-center text-warm underline elder:min-h-[3rem]">
                    {m.report.downloadCsv}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
