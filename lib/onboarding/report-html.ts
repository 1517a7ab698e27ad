import { formatYuan } from '@/lib/format/money';
import { fill } from '@/lib/i18n';
import type { OnboardingMessages } from '@/lib/i18n/onboarding';
import { COLUMN_KEYS } from './columns';
import { describeRow, missingRate, MISSING_TARGET, type ImportSummary } from './report';

/** The report as a standalone HTML file (command line). The console renders the same summary. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

export function renderReportHtml(s: ImportSummary, m: OnboardingMessages): string {
  const r = m.report;
  const missingRows = COLUMN_KEYS.map((k) => {
    const rate = missingRate(s, k);
    const flag = rate >= MISSING_TARGET ? ` <strong>${escape(r.overTarget)}</strong>` : '';
    return `<tr><td>${escape(m.column[k])}</td><td>${s.missing[k]}</td><td>${percent(rate)}${flag}</td></tr>`;
  }).join('');
  const unmapped = Object.entries(s.unmappedCodes);
  const issues = s.issues
    .map(
      (i) =>
        `<tr><td>${i.line}</td><td>${escape(i.accountNo)}</td><td>${escape(i.holder)}</td><td>${escape(i.phone)}</td><td>${escape(i.idNumber)}</td>` +
        `<td>${escape(m.outcome[i.outcome])}</td><td>${escape(describeRow(i, m))}</td><td>${escape(i.mergedInto ?? '')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(r.title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #999;padding:.3rem .6rem;text-align:left}strong{color:#a00}</style></head><body>
<h1>${escape(r.title)}</h1>
<p>${escape(r.file)}: ${escape(s.fileName)} · ${escape(r.utility)}: ${escape(s.utilityCode)} · ${escape(r.encoding)}: ${escape(s.encoding)} · ${escape(r.rows)}: ${s.totalRows}</p>
<p>${escape(s.alreadyImportedAt ? r.alreadyImported : s.dryRun ? r.dryRun : r.committed)}</p>
<table><tr>${(['accepted', 'fixed', 'merged', 'unchanged', 'rejected'] as const).map((o) => `<th>${escape(m.outcome[o])}</th>`).join('')}</tr>
<tr>${(['accepted', 'fixed', 'merged', 'unchanged', 'rejected'] as const).map((o) => `<td>${s.counts[o]}</td>`).join('')}</tr></table>
<p>${escape(r.balanceTotal)}: ${escape(formatYuan(BigInt(s.openingBalanceFen)))} 元</p>
<h2>${escape(r.missingRates)} (${escape(r.target)})</h2>
<table><tr><th>${escape(r.field)}</th><th>${escape(r.missing)}</th><th>${escape(r.rate)}</th></tr>${missingRows}</table>
<h2>${escape(r.unmapped)}</h2>
${unmapped.length ? `<table><tr><th>${escape(r.code)}</th><th>${escape(r.count)}</th></tr>${unmapped.map(([c, n]) => `<tr><td>${escape(c)}</td><td>${n}</td></tr>`).join('')}</table>` : `<p>${escape(r.none)}</p>`}
<h2>${escape(r.issues)}</h2>
<p>${escape(r.reviewHint)}</p>
${s.issuesTruncated ? `<p>${escape(fill(r.truncated, { n: s.issues.length }))}</p>` : ''}
<table><tr><th>${escape(r.line)}</th><th>${escape(r.accountNo)}</th><th>${escape(r.holder)}</th><th>${escape(r.phone)}</th><th>${escape(r.idNumber)}</th><th>${escape(r.result)}</th><th>${escape(r.detail)}</th><th>${escape(r.mergedInto)}</th></tr>${issues}</table>
</body></html>
`;
}
