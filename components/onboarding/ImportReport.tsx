import { formatYuan } from '@/lib/format/money';
import { fill } from '@/lib/i18n';
import type { OnboardingMessages } from '@/lib/i18n/onboarding';
import { COLUMN_KEYS } from '@/lib/onboarding/columns';
import { OUTCOMES } from '@/lib/onboarding/outcomes';
import { describeRow, missingRate, MISSING_TARGET, type ImportSummary } from '@/lib/onboarding/report';

/** The import report on screen: the same summary and rows as the CSV and HTML reports. */
const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

export function ImportReport({ summary: s, m }: { summary: ImportSummary; m: OnboardingMessages }) {
  const r = m.report;
  const unmapped = Object.entries(s.unmappedCodes);
  return (
    <section aria-labelledby="report-title" className="flex flex-col gap-5" data-testid="import-report">
      <h2 id="report-title" className="text-2xl font-bold">{r.title}</h2>
      <p className="text-lg">
        {s.alreadyImportedAt ? r.alreadyImported : s.dryRun ? r.dryRun : r.committed} {r.file}: {s.fileName} · {r.encoding}: {s.encoding} ·{' '}
        {r.rows}: <span data-testid="report-rows">{s.totalRows}</span>
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
        {OUTCOMES.map((o) => (
          <div key={o} className="contents">
            <dt>{m.outcome[o]}</dt>
            <dd data-testid={`count-${o}`}>{s.counts[o]}</dd>
          </div>
        ))}
        <dt>{r.balanceTotal}</dt>
        <dd>{formatYuan(BigInt(s.openingBalanceFen))} 元</dd>
      </dl>
      <h3 className="text-xl font-semibold">{r.missingRates}（{r.target}）</h3>
      <ul className="flex flex-col gap-1 text-lg">
        {COLUMN_KEYS.map((k) => {
          const rate = missingRate(s, k);
          return (
            <li key={k}>
              {m.column[k]}: {s.missing[k]} · {percent(rate)}
              {rate >= MISSING_TARGET && <strong className="ml-2 text-bad">{r.overTarget}</strong>}
            </li>
          );
        })}
      </ul>
      <h3 className="text-xl font-semibold">{r.unmapped}</h3>
      {unmapped.length === 0 ? (
        <p className="text-lg">{r.none}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-lg" data-testid="unmapped-codes">
          {unmapped.map(([code, n]) => (
            <li key={code}>
              {code}: {n}
            </li>
          ))}
        </ul>
      )}
      <h3 className="text-xl font-semibold">{r.issues}</h3>
      <p className="text-lg text-ink-soft">{r.reviewHint}</p>
      {s.issuesTruncated && <p className="text-lg">{fill(r.truncated, { n: s.issues.length })}</p>}
      <ol className="flex flex-col gap-3" data-testid="report-issues">
        {s.issues.map((i) => (
          <li key={i.line} className="rounded-xl border-2 border-line bg-card p-3 text-lg">
            <p className="font-semibold">
              {r.line} {i.line} · {r.accountNo} {i.accountNo} · {m.outcome[i.outcome]}
            </p>
            <p>{describeRow(i, m)}</p>
            {i.mergedInto && (
              <p>
                {r.mergedInto}: {i.mergedInto}
              </p>
            )}
            <p className="text-ink-soft">
              {r.holder} {i.holder} · {r.phone} {i.phone} · {r.idNumber} {i.idNumber}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
