import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '@/lib/complaints/hotwords/normalize';
import { DEFAULT_DAILY_THRESHOLD, dailyThresholdOf } from '@/lib/complaints/hotwords/threshold';
import { HOTWORD_CATEGORIES } from '@/lib/complaints/hotwords/types';
import { HOTWORD_SEED } from '@/prisma/seed/hotwords';

describe('seeded hot-word library', () => {
  it('holds at least 200 terms with valid severities', () => {
    expect(HOTWORD_SEED.length).toBeGreaterThanOrEqual(200);
    for (const entry of HOTWORD_SEED) expect([1, 2, 3]).toContain(entry.severity);
  });

  it('has no two terms that normalise alike', () => {
    const keys = HOTWORD_SEED.map((entry) => normalizeForMatching(entry.term).text);
    const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(duplicates).toEqual([]);
  });

  it('covers every category', () => {
    const used = new Set(HOTWORD_SEED.map((entry) => entry.category));
    expect([...used].sort()).toEqual([...HOTWORD_CATEGORIES].sort());
  });

  it.each([
    ['暖气不热', 'NOT_WARM'],
    ['不热', 'NOT_WARM'],
    ['温度低', 'NOT_WARM'],
    ['退费难', 'REFUND'],
    ['漏水', 'LEAK'],
    ['停暖', 'NO_HEAT'],
    ['冻得嘶哈的', 'NOT_WARM'],
    ['冰凉', 'NOT_WARM'],
    ['拔凉拔凉的', 'NOT_WARM'],
    ['不给热', 'NOT_WARM'],
    ['暖气片温乎', 'NOT_WARM'],
    ['屋里冻手', 'NOT_WARM'],
    ['跑水', 'LEAK'],
    ['滴答水', 'LEAK'],
    ['不上水', 'NOT_WARM'],
    ['回水凉', 'NOT_WARM'],
  ])('contains %s as %s', (term, category) => {
    expect(HOTWORD_SEED.find((entry) => entry.term === term)?.category).toBe(category);
  });

  it('defaults the daily surge threshold to 50 and honours overrides', () => {
    expect(DEFAULT_DAILY_THRESHOLD).toBe(50);
    expect(dailyThresholdOf({})).toBe(50);
    const waterMain = HOTWORD_SEED.find((entry) => entry.term === '爆管');
    expect(waterMain && dailyThresholdOf(waterMain)).toBe(5);
    for (const entry of HOTWORD_SEED) {
      const threshold = dailyThresholdOf(entry);
      expect(Number.isInteger(threshold) && threshold > 0).toBe(true);
    }
  });
});
