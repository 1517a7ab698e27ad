import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, type PatternOccurrence } from '@/lib/complaints/hotwords/aho-corasick';

function naive(patterns: readonly string[], text: string): PatternOccurrence[] {
  const found: PatternOccurrence[] = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0 || patterns.indexOf(pattern) !== index) return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      found.push({ pattern: index, start: at, end: at + pattern.length });
    }
  });
  return found;
}

const byPosition = (a: PatternOccurrence, b: PatternOccurrence): number =>
  a.start - b.start || a.end - b.end || a.pattern - b.pattern;

describe('buildAhoCorasick', () => {
  it('finds overlapping and nested patterns in one pass', () => {
    const automaton = buildAhoCorasick(['he', 'she', 'his', 'hers']);
    expect(automaton.findAll('ushers').sort(byPosition)).toEqual([
      { pattern: 1, start: 1, end: 4 },
      { pattern: 0, start: 2, end: 4 },
      { pattern: 3, start: 2, end: 6 },
    ]);
  });

  it('finds Chinese terms that share prefixes and suffixes', () => {
    const automaton = buildAhoCorasick(['不热', '暖气不热', '热乎', '不热乎']);
    const found = automaton.findAll('暖气不热乎').sort(byPosition);
    expect(found).toEqual([
      { pattern: 1, start: 0, end: 4 },
      { pattern: 0, start: 2, end: 4 },
      { pattern: 3, start: 2, end: 5 },
      { pattern: 2, start: 3, end: 5 },
    ]);
  });

  it('never matches an empty pattern and reports a repeated pattern once', () => {
    const automaton = buildAhoCorasick(['', '冷', '冷']);
    expect(automaton.findAll('冷冷')).toEqual([
      { pattern: 1, start: 0, end: 1 },
      { pattern: 1, start: 1, end: 2 },
    ]);
  });

  it('agrees with a naive search on any patterns and text', () => {
    const alphabet = fc.constantFrom('冷', '热', '不', 'a', 'b');
    const word = fc.array(alphabet, { maxLength: 5 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.array(alphabet, { maxLength: 30 }), (patterns, chars) => {
        const text = chars.join('');
        const automaton = buildAhoCorasick(patterns);
        expect(automaton.findAll(text).sort(byPosition)).toEqual(naive(patterns, text).sort(byPosition));
      }),
    );
  });
});
