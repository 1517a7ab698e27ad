import { describe, expect, it } from 'vitest';
import { alignPhrase, COST, substitutionCost } from '@/lib/voice/similarity';
import { fuzzyKey, toPhraseUnits, toSpeechUnits } from '@/lib/voice/syllables';

const phrase = (text: string) => toPhraseUnits([...text]);
const speech = (text: string) => toSpeechUnits([...text]);

function cost(wanted: string, heard: string): number {
  const [a] = phrase(wanted);
  const [b] = speech(heard);
  if (a === undefined || b === undefined) throw new Error('empty unit');
  return substitutionCost(a, b);
}

describe('fuzzyKey', () => {
  it.each([
    ['zhang', 'zan'],
    ['chi', 'ci'],
    ['shi', 'si'],
    ['nuan', 'luan'],
    ['fei', 'hei'],
    ['ting', 'tin'],
    ['jiang', 'jian'],
    ['dong', 'dong'],
  ])('%s → %s', (reading, key) => {
    expect(fuzzyKey(reading)).toBe(key);
  });
});

describe('substitutionCost', () => {
  it.each([
    ['the same character', '账', '账', 0],
    ['a homophone (账/帐)', '账', '帐', COST.homophone],
    ['a homophone (缴/交)', '缴', '交', COST.homophone],
    ['a homophone (报/保)', '报', '保', COST.homophone],
    ['zh heard as z (账/脏)', '账', '脏', COST.nearHomophone],
    ['n heard as l (暖/卵)', '暖', '卵', COST.nearHomophone],
    ['the same final only (交/标)', '交', '标', COST.sameFinal],
    ['an unrelated sound', '交', '热', 1],
  ])('%s', (_name, wanted, heard, expected) => {
    expect(cost(wanted, heard)).toBe(expected);
  });

  it('hears a polyphone in speech by any of its readings', () => {
    // 长辈 is zhang bei; a recogniser writing 涨 or keeping 长 must both be close.
    const [zhang] = phrase('长辈');
    const [heard] = speech('长');
    const [rose] = speech('涨');
    if (zhang === undefined || heard === undefined || rose === undefined) throw new Error('empty unit');
    expect(substitutionCost(zhang, heard)).toBe(0);
    expect(substitutionCost(zhang, rose)).toBe(COST.homophone);
  });
});

describe('alignPhrase', () => {
  it('finds the phrase inside longer speech', () => {
    expect(alignPhrase(phrase('账单'), speech('看看账单'))).toMatchObject({ distance: 0, start: 2, end: 4 });
  });

  it('charges padding inside the phrase less than a missing word', () => {
    const padded = alignPhrase(phrase('暖气不热'), speech('暖气有点不热'));
    const missing = alignPhrase(phrase('暖气不热'), speech('暖气热'));
    expect(padded.distance).toBeCloseTo(2 * COST.extra);
    expect(missing.distance).toBeCloseTo(COST.missing);
    expect(padded.distance).toBeLessThan(missing.distance);
  });

  it('weighs question words lightly', () => {
    const alignment = alignPhrase(phrase('什么时候来修'), speech('来修'));
    expect(alignment.weight).toBeCloseTo(0.4 * 4 + 2);
    expect(alignment.distance).toBeCloseTo(0.4 * 4);
  });
});
