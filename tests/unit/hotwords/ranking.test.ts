import { describe, expect, it } from 'vitest';
import { dominantCategory, workOrderPriority } from '@/lib/complaints/hotwords/ranking';
import type { HotwordCategory, HotwordHit, HotwordSeverity } from '@/lib/complaints/hotwords/types';

let offset = 0;
function hit(term: string, category: HotwordCategory, severity: HotwordSeverity): HotwordHit {
  offset += 10;
  return { term, category, severity, start: offset, end: offset + term.length };
}

describe('dominantCategory', () => {
  it('is null without hits', () => {
    expect(dominantCategory([])).toBeNull();
  });

  it('picks the category with the largest severity sum', () => {
    const hits = [hit('态度差', 'SERVICE', 2), hit('冷', 'NOT_WARM', 1), hit('冰凉', 'NOT_WARM', 2)];
    expect(dominantCategory(hits)).toBe('NOT_WARM');
  });

  it('counts a repeated term once', () => {
    const hits = [hit('冷', 'NOT_WARM', 1), hit('冷', 'NOT_WARM', 1), hit('冷', 'NOT_WARM', 1), hit('态度差', 'SERVICE', 2)];
    expect(dominantCategory(hits)).toBe('SERVICE');
  });

  it('breaks a tie on sum by the higher single severity', () => {
    const hits = [hit('冷', 'NOT_WARM', 1), hit('有点凉', 'NOT_WARM', 1), hit('没人管', 'SERVICE', 2)];
    expect(dominantCategory(hits)).toBe('SERVICE');
  });

  it('breaks a full tie by precedence, danger first', () => {
    expect(dominantCategory([hit('退费难', 'REFUND', 2), hit('漏水', 'LEAK', 2)])).toBe('LEAK');
    expect(dominantCategory([hit('噪音', 'NOISE', 1), hit('收费', 'BILLING', 1)])).toBe('BILLING');
  });
});

describe('workOrderPriority', () => {
  it.each<[string, HotwordHit[], ReturnType<typeof workOrderPriority>]>([
    ['no hits', [], 'normal'],
    ['one mild hit', [hit('冷', 'NOT_WARM', 1)], 'normal'],
    ['two clear hits, sum 4', [hit('冰凉', 'NOT_WARM', 2), hit('不热', 'NOT_WARM', 2)], 'normal'],
    ['three clear hits, sum 6', [hit('冰凉', 'NOT_WARM', 2), hit('不热', 'NOT_WARM', 2), hit('冻死了', 'NOT_WARM', 2)], 'high'],
    ['the same clear hit three times, sum 2', [hit('冰凉', 'NOT_WARM', 2), hit('冰凉', 'NOT_WARM', 2), hit('冰凉', 'NOT_WARM', 2)], 'normal'],
    ['one severe outage', [hit('停暖', 'NO_HEAT', 3)], 'high'],
    ['a severe hazard', [hit('煤气味', 'SAFETY', 3)], 'urgent'],
    ['a mild hazard', [hit('危险', 'SAFETY', 2)], 'normal'],
    ['severe hits in two categories', [hit('停暖', 'NO_HEAT', 3), hit('爆管', 'LEAK', 3)], 'urgent'],
  ])('%s → priority', (_name, hits, expected) => {
    expect(workOrderPriority(hits)).toBe(expected);
  });
});
