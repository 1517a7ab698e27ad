import type { Metadata } from 'next';
import { ImportForm } from '@/components/onboarding/ImportForm';
import { MergeReviewButton } from '@/components/onboarding/MergeReviewButton';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatMoney } from '@/lib/format/money';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { onboardingMessages } from '@/lib/i18n/onboarding';
import { fill } from '@/lib/i18n';
import { listImports } from '@/lib/onboarding/batches';
import { listPendingMerges } from '@/lib/onboarding/merges';

export const metadata: Metadata = { title: '导入历史数据' };

export default async function StaffImportPage() {
  const staff = await requireStaff(['ADMIN']);
  const { locale, t } = await preferences();
  const m = onboardingMessages(locale);
  const [imports, merges] = await Promise.all([listImports(staff.utilityId), listPendingMerges(staff.utilityId)]);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle intro={m.page.importIntro}>{m.page.importTitle}</PageTitle>
      <ImportForm m={m} busy={t.errors.unavailable} />
      <section aria-labelledby="merges" className="flex flex-col gap-3">
        <h2 id="merges" className="text-2xl font-bold">{m.page.pendingMerges}</h2>
        <p className="text-lg">{m.page.pendingMergesIntro}</p>
        {merges.length === 0 ? (
          <p className="text-lg">{m.page.noPendingMerges}</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="pending-merges">
            {merges.map((g) => (
              <li key={g.id} className="flex flex-col gap-2 rounded-xl border-2 border-warm-soft bg-card p-3 text-lg">
                <p className="font-semibold">{fill(m.page.mergeRow, { file: g.fileName, row: String(g.sourceRow), legacy: g.legacyAccountNo })}</p>
                <p>{fill(m.page.mergeInto, { account: g.accountNo, holder: g.holderName, balance: formatMoney(g.openingBalanceFen) })}</p>
                <MergeReviewButton mergeId={g.id} label={`${m.page.markReviewed} ${g.legacyAccountNo}`} />
              </li>
            ))}
          </ul>
        )}
      </section>
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
