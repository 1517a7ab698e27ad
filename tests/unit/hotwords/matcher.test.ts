import { describe, expect, it } from 'vitest';
import { createHotwordMatcher } from '@/lib/complaints/hotwords/matcher';
import type { HotwordTerm } from '@/lib/complaints/hotwords/types';

const TERMS: HotwordTerm[] = [
  { term: '不热', category: 'NOT_WARM', severity: 2 },
  { term: '暖气不热', category: 'NOT_WARM', severity: 2 },
  { term: '冷', category: 'NOT_WARM', severity: 1 },
  { term: '跑水', category: 'LEAK', severity: 2 },
  { term: '水管爆了', category: 'LEAK', severity: 3 },
  { term: '退费难', category: 'REFUND', severity: 2 },
  { term: 'App打不开', category: 'SERVICE', severity: 1 },
];

const matcher = createHotwordMatcher(TERMS, { shields: ['冷静'] });
const terms = (text: string): string[] => matcher.match(text).terms.map((hit) => hit.term);

describe('createHotwordMatcher', () => {
  it('lets the longest term win where terms overlap', () => {
    expect(terms('暖气不热')).toEqual(['暖气不热']);
    expect(terms('跑水管爆了')).toEqual(['水管爆了']);
  });

  it('still finds shorter terms that overlap nothing longer', () => {
    expect(terms('暖气不热，卧室也不热')).toEqual(['暖气不热', '不热']);
  });

  it('matches through spaces, full-width characters and traditional forms', () => {
    expect(terms('暖 气　不 熱')).toEqual(['暖气不热']);
    expect(terms('ａｐｐ 打不开')).toEqual(['App打不开']);
  });

  it('reports offsets into the original text', () => {
    const text = '我家 暖 气 不 热！🥶还有，退费难';
    const hits = matcher.match(text).terms;
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['暖 气 不 热', '退费难']);
  });

  it('reports offsets past emoji and surrogate pairs', () => {
    const text = '🥶🥶冷';
    const [hit] = matcher.match(text).terms;
    expect(hit).toMatchObject({ term: '冷', start: 4, end: 5 });
  });

  it('does not match across a comma', () => {
    expect(terms('暖气，不热')).toEqual(['不热']);
  });

  it('lets a shield swallow the hot word inside it', () => {
    expect(terms('大家冷静一下')).toEqual([]);
    expect(terms('冷，大家冷静')).toEqual(['冷']);
  });

  it('keeps the more severe entry when two terms normalise alike', () => {
    const rebuilt = createHotwordMatcher([
      { term: '漏 水', category: 'LEAK', severity: 1 },
      { term: '漏水', category: 'LEAK', severity: 3 },
    ]);
    expect(rebuilt.size).toBe(1);
    expect(rebuilt.match('漏水').terms[0]?.severity).toBe(3);
  });

  it('is rebuilt from an edited term list', () => {
    const edited = createHotwordMatcher([...TERMS, { term: '屋里冻手', category: 'NOT_WARM', severity: 2 }]);
    expect(matcher.match('屋里冻手').terms).toEqual([]);
    expect(edited.match('屋里冻手').terms.map((hit) => hit.term)).toEqual(['屋里冻手']);
  });

  it('returns no category and normal priority for text without hot words', () => {
    expect(matcher.match('请问几号开始供暖？')).toEqual({ terms: [], negated: [], category: null, priority: 'normal' });
  });
});
