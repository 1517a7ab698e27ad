import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchHotwords } from '@/lib/complaints/hotwords/default-matcher';
import { evaluateHotwords, hotwordSentencesSchema } from '@/lib/complaints/hotwords/evaluate';
import { HOTWORD_CATEGORIES } from '@/lib/complaints/hotwords/types';

// The bar the seeded library must hold on the resident sentences: 95% precision and 90% recall
// overall, and no category below 80% recall.
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;
const MIN_CATEGORY_RECALL = 0.8;

const sentences = hotwordSentencesSchema.parse(
  JSON.parse(readFileSync(new URL('../../../data/hotword-sentences.json', import.meta.url), 'utf8')),
);
const report = evaluateHotwords(sentences, matchHotwords);

describe('resident sentence set', () => {
  it('has at least 50 sentences, with and without complaints', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(50);
    expect(sentences.filter((sentence) => sentence.categories.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(report.positiveSentences).toBeGreaterThanOrEqual(40);
  });

  it(`reaches ${MIN_PRECISION * 100}% precision and ${MIN_RECALL * 100}% recall overall`, () => {
    expect(report.overall.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(report.overall.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it.each(HOTWORD_CATEGORIES)(`recalls at least ${MIN_CATEGORY_RECALL * 100}%% of %s`, (category) => {
    const tally = report.perCategory[category];
    expect(tally.truePositives + tally.falseNegatives).toBeGreaterThan(0);
    expect(tally.recall).toBeGreaterThanOrEqual(MIN_CATEGORY_RECALL);
  });

  it('finds no complaint theme in the sentences that have none', () => {
    const falseAlarms = sentences
      .filter((sentence) => sentence.categories.length === 0)
      .filter((sentence) => matchHotwords(sentence.text).terms.length > 0)
      .map((sentence) => sentence.text);
    expect(falseAlarms).toEqual([]);
  });
});
