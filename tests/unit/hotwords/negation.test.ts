import { describe, expect, it } from 'vitest';
import { matchHotwords } from '@/lib/complaints/hotwords/default-matcher';

const counted = (text: string): string[] => matchHotwords(text).terms.map((hit) => hit.term);
const cancelled = (text: string): string[] => matchHotwords(text).negated.map((hit) => hit.term);

describe('negation of symptoms', () => {
  it.each([
    ['暖气不冷', ['冷']],
    ['已经热了', []],
    ['不漏水了', ['漏水']],
    ['没漏水', ['漏水']],
    ['屋里一点也不冷', ['冷']],
    ['也不算太冷', ['冷']],
    ['暖气片没有漏水', ['漏水']],
    ['没有异响', ['异响']],
  ])('"%s" counts nothing', (text, negated) => {
    expect(counted(text)).toEqual([]);
    expect(cancelled(text)).toEqual(negated);
  });

  it.each([
    ['不停地漏水', ['漏水']],
    ['一直不断渗水', ['渗水']],
    ['是不是有空气', ['有空气']],
    ['暖气不热了', ['暖气不热']],
    ['屋里又不热了', ['不热了']],
    ['暖气并不热', ['不热']],
  ])('"%s" still counts', (text, terms) => {
    expect(counted(text)).toEqual(terms);
  });

  it('never negates money or service complaints', () => {
    expect(counted('他们就是不退费')).toEqual(['不退费']);
    expect(counted('不是收费的问题，是没人管')).toEqual(['收费', '没人管']);
  });

  it('does not let a negator reach across a comma', () => {
    expect(counted('不，漏水')).toEqual(['漏水']);
  });
});

describe('"fixed now" remarks', () => {
  it('cancel the symptom of their theme written before them', () => {
    expect(counted('前几天不热，今天已经热了')).toEqual([]);
    expect(counted('漏水已经修好了')).toEqual([]);
    expect(cancelled('漏水已经修好了')).toEqual(['漏水']);
  });

  it('leave symptoms written after them', () => {
    expect(counted('漏水修好了，可暖气还是不热')).toEqual(['还是不热']);
  });

  it('cancel only the nearest theme when the remark is general', () => {
    expect(counted('暖气不热，漏水也修好了')).toEqual(['暖气不热']);
  });

  it('cancel only their own theme when the remark names one', () => {
    expect(counted('暖气不热，漏水的地方不漏了')).toEqual(['暖气不热']);
  });

  it('do not count when negated themselves', () => {
    expect(counted('暖气冰凉，师傅来了两回都没弄好了')).toEqual(['冰凉']);
  });

  it('stop at the end of the sentence', () => {
    expect(counted('昨天漏水。今天修好了暖气')).toEqual(['漏水']);
  });
});
