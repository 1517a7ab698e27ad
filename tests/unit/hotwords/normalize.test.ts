import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '@/lib/complaints/hotwords/normalize';

describe('normalizeForMatching', () => {
  it.each([
    ['full-width letters and digits become half-width, Latin lower-case', 'ＡＢ栋１２号', 'ab栋12号'],
    ['spaces, ideographic spaces and punctuation disappear', '暖 气　不，热！！', '暖气不热'],
    ['emoji and symbols disappear', '冷死了🥶🥶~~', '冷死了'],
    ['traditional characters fold to simplified', '暖氣不熱，屋裡很冷', '暖气不热屋里很冷'],
    ['a decimal point between digits stays', '只有18.5度.', '只有18.5度'],
    ['a full-width decimal point between digits stays', '１８．５度', '18.5度'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeForMatching(input).text).toBe(expected);
  });

  it('leaves traditional characters alone when folding is switched off', () => {
    expect(normalizeForMatching('暖氣不熱', { traditional: false }).text).toBe('暖氣不熱');
  });

  it('maps every kept character back to where it was written', () => {
    const source = 'ａ 暖，气';
    const normalized = normalizeForMatching(source);
    expect(normalized.text).toBe('a暖气');
    expect(normalized.start).toEqual([0, 2, 4]);
    expect(normalized.end).toEqual([1, 3, 5]);
  });

  it('keeps both halves of a surrogate pair pointing at the same original character', () => {
    const source = '𠀀冷';
    const normalized = normalizeForMatching(source);
    expect(normalized.text).toBe('𠀀冷');
    expect(normalized.start).toEqual([0, 0, 2]);
    expect(normalized.end).toEqual([2, 2, 3]);
  });

  it('numbers clauses at commas and sentences only at stops', () => {
    const normalized = normalizeForMatching('不，热。冷、凉\n漏');
    expect(normalized.text).toBe('不热冷凉漏');
    expect(normalized.clause).toEqual([0, 1, 2, 3, 4]);
    expect(normalized.sentence).toEqual([0, 0, 1, 1, 2]);
  });
});
