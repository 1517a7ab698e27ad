import type { HotwordCategory, HotwordHit, WorkOrderPriority } from './types';

/*
 * Dominant category: the category whose hits add up to the most severity (each distinct term
 * counted once, so "冷冷冷" is not three complaints); ties go to the higher single severity, then
 * to the order below, which puts danger and total outages ahead of money and manners.
 *
 * Work-order priority:
 *   urgent — a severity-3 SAFETY hit, or severity-3 hits in two or more categories;
 *   high   — any severity-3 hit, or distinct terms whose severities add up to 5 or more
 *            (a resident piling up "冰凉", "冻死了", "暖气不热" is not a mild case);
 *   normal — everything else, including text with no hot word at all: the resident's chosen
 *            problem type still decides the work order, hot words only raise it.
 */

export const CATEGORY_PRECEDENCE: readonly HotwordCategory[] = [
  'SAFETY',
  'NO_HEAT',
  'LEAK',
  'NOT_WARM',
  'REFUND',
  'BILLING',
  'SERVICE',
  'NOISE',
];

const HIGH_SEVERITY_SUM = 5;

function distinctByTerm(hits: readonly HotwordHit[]): HotwordHit[] {
  const seen = new Map<string, HotwordHit>();
  for (const hit of hits) if (!seen.has(hit.term)) seen.set(hit.term, hit);
  return [...seen.values()];
}

export function dominantCategory(hits: readonly HotwordHit[]): HotwordCategory | null {
  const totals = new Map<HotwordCategory, { sum: number; max: number }>();
  for (const hit of distinctByTerm(hits)) {
    const total = totals.get(hit.category) ?? { sum: 0, max: 0 };
    totals.set(hit.category, { sum: total.sum + hit.severity, max: Math.max(total.max, hit.severity) });
  }
  let best: HotwordCategory | null = null;
  for (const category of CATEGORY_PRECEDENCE) {
    const total = totals.get(category);
    if (total === undefined) continue;
    const leader = best === null ? undefined : totals.get(best);
    // Strict comparisons keep the earlier category in the precedence order on a tie.
    const ahead =
      leader === undefined || total.sum > leader.sum || (total.sum === leader.sum && total.max > leader.max);
    if (ahead) best = category;
  }
  return best;
}

export function workOrderPriority(hits: readonly HotwordHit[]): WorkOrderPriority {
  const distinct = distinctByTerm(hits);
  const severeCategories = new Set(distinct.filter((hit) => hit.severity === 3).map((hit) => hit.category));
  if (severeCategories.has('SAFETY') || severeCategories.size >= 2) return 'urgent';
  if (severeCategories.size === 1) return 'high';
  const sum = distinct.reduce((total, hit) => total + hit.severity, 0);
  return sum >= HIGH_SEVERITY_SUM ? 'high' : 'normal';
}
