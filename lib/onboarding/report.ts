import { fill } from '@/lib/i18n';
import type { OnboardingMessages } from '@/lib/i18n/onboarding';
import { COLUMN_KEYS, type ColumnKey } from './columns';
import type { FixCode, Outcome, RejectReason } from './outcomes';

/**
 * Cleaning step 4, the report: one line per row of the file (accepted, fixed, merged, unchanged
 * or rejected, with what was fixed or why), and a summary with the missing-field rate per field.
 * Personal data appears masked only (the caller masks before adding a row).
 */
export interface ReportRow {
  line: number;
  accountNo: string;
  holder: string;
  phone: string;
  idNumber: string;
  outcome: Outcome;
  reason?: RejectReason;
  reasonParams?: Record<string, string>;
  fixes: FixCode[];
  mergedInto?: string;
}

export interface ImportSummary {
  fileName: string;
  utilityCode: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  dryRun: boolean;
  importId: string | null;
  alreadyImportedAt: string | null;
  totalRows: number;
  counts: Record<Outcome, number>;
  missing: Record<ColumnKey, number>;
  unmappedCodes: Record<string, number>;
  reasons: Partial<Record<RejectReason, number>>;
  fixes: Partial<Record<FixCode, number>>;
  openingBalanceFen: string;
  issues: ReportRow[];
  issuesTruncated: boolean;
}

/** The utility's target: under 0.5% of rows missing any one field. */
export const MISSING_TARGET = 0.005;
export const ISSUE_CAP = 2000;

export interface ReportSink {
  write(text: string): Promise<void>;
}

export function emptySummary(base: Pick<ImportSummary, 'fileName' | 'utilityCode' | 'format' | 'encoding' | 'dryRun'>): ImportSummary {
  return {
    ...base,
    importId: null,
    alreadyImportedAt: null,
    totalRows: 0,
    counts: { accepted: 0, fixed: 0, merged: 0, unchanged: 0, rejected: 0 },
    missing: Object.fromEntries(COLUMN_KEYS.map((k) => [k, 0])) as Record<ColumnKey, number>,
    unmappedCodes: {},
    reasons: {},
    fixes: {},
    openingBalanceFen: '0',
    issues: [],
    issuesTruncated: false,
  };
}

export function describeRow(r: ReportRow, m: OnboardingMessages): string {
  const parts: string[] = [];
  if (r.reason) {
    const fields = (r.reasonParams?.fields ?? '')
      .split(',')
      .filter(Boolean)
      .map((k) => m.column[k as ColumnKey] ?? k)
      .join('、');
    parts.push(fill(m.reason[r.reason], { ...r.reasonParams, fields }));
  }
  parts.push(...r.fixes.map((f) => m.fix[f]));
  return parts.join('；');
}

function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(m: OnboardingMessages): string {
  const r = m.report;
  return `\uFEFF${[r.line, r.accountNo, r.holder, r.phone, r.idNumber, r.result, r.detail, r.mergedInto, r.code].map(csvCell).join(',')}\r\n`;
}

export function csvLine(r: ReportRow, m: OnboardingMessages): string {
  const code = [r.reason, ...r.fixes].filter(Boolean).join(' ');
  return `${[String(r.line), r.accountNo, r.holder, r.phone, r.idNumber, m.outcome[r.outcome], describeRow(r, m), r.mergedInto ?? '', code]
    .map(csvCell)
    .join(',')}\r\n`;
}

/** Adds one row's outcome to the summary and the CSV report. */
export async function recordRow(summary: ImportSummary, sink: ReportSink | null, r: ReportRow, m: OnboardingMessages): Promise<void> {
  summary.counts[r.outcome]++;
  if (r.reason) summary.reasons[r.reason] = (summary.reasons[r.reason] ?? 0) + 1;
  for (const f of r.fixes) summary.fixes[f] = (summary.fixes[f] ?? 0) + 1;
  if (r.outcome !== 'accepted' && r.outcome !== 'unchanged') {
    if (summary.issues.length < ISSUE_CAP) summary.issues.push(r);
    else summary.issuesTruncated = true;
  }
  if (sink) await sink.write(csvLine(r, m));
}

export function missingRate(summary: ImportSummary, key: ColumnKey): number {
  return summary.totalRows === 0 ? 0 : summary.missing[key] / summary.totalRows;
}
