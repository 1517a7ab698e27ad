import { describe, expect, it } from 'vitest';
import { cleanUtterance } from '@/lib/voice/clean';

describe('cleanUtterance', () => {
  it.each([
    ['drops punctuation, spaces and emoji', '我要，交 暖气费！😀', '我要交暖气费'],
    ['folds full-width letters and lower-cases them', 'ＯＫ', 'ok'],
    ['counts a character said three times once', '对对对', '对'],
    ['keeps a doubled character, which is often a word', '看看账单', '看看账单'],
    ['collapses long runs too', '是是是是是的', '是的'],
  ])('%s', (_name, input, expected) => {
    expect(cleanUtterance(input).join('')).toBe(expected);
  });
});
