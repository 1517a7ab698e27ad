import { z } from 'zod';
import { HOTWORD_CATEGORIES, type HotwordCategory, type HotwordResult } from './types';

export const hotwordSentenceSchema = z.object({
  text: z.string().min(1),
  /** Every theme a careful reader finds in the sentence; empty for a sentence with no complaint. */
  categories: z.array(z.enum(HOTWORD_CATEGORIES)),
});

export type HotwordSentence = z.infer<typeof hotwordSentenceSchema>;

export const hotwordSentencesSchema = z.array(hotwordSentenceSchema);

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** NaN when nothing was predicted (precision) or nothing was expected (recall). */
  precision: number;
  recall: number;
}

export interface HotwordMiss {
  text: string;
  expected: HotwordCategory[];
  predicted: HotwordCategory[];
}

export interface HotwordEvaluation {
  sentences: number;
  perCategory: Record<HotwordCategory, Tally>;
  /** Micro-averaged over every (sentence, category) decision. */
  overall: Tally;
  /** Sentences whose predicted categories equal the expected ones exactly. */
  exactSentences: number;
  /** Positive sentences whose dominant category is one of the expected ones. */
  dominantCorrect: number;
  positiveSentences: number;
  misses: HotwordMiss[];
}

function tally(truePositives: number, falsePositives: number, falseNegatives: number): Tally {
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
  };
}

export function evaluateHotwords(
  sentences: readonly HotwordSentence[],
  match: (text: string) => HotwordResult,
): HotwordEvaluation {
  const counts = new Map<HotwordCategory, { tp: number; fp: number; fn: number }>(
    HOTWORD_CATEGORIES.map((category) => [category, { tp: 0, fp: 0, fn: 0 }]),
  );
  const misses: HotwordMiss[] = [];
  let exactSentences = 0;
  let dominantCorrect = 0;
  let positiveSentences = 0;

  for (const sentence of sentences) {
    const result = match(sentence.text);
    const expected = new Set(sentence.categories);
    const predicted = new Set(result.terms.map((hit) => hit.category));
    for (const category of HOTWORD_CATEGORIES) {
      const count = counts.get(category);
      if (count === undefined) continue;
      if (expected.has(category) && predicted.has(category)) count.tp += 1;
      else if (predicted.has(category)) count.fp += 1;
      else if (expected.has(category)) count.fn += 1;
    }
    const exact =
      expected.size === predicted.size && [...expected].every((category) => predicted.has(category));
    if (exact) exactSentences += 1;
    else misses.push({ text: sentence.text, expected: [...expected], predicted: [...predicted] });
    if (expected.size > 0) {
      positiveSentences += 1;
      if (result.category !== null && expected.has(result.category)) dominantCorrect += 1;
    }
  }

  const perCategory = Object.fromEntries(
    HOTWORD_CATEGORIES.map((category) => {
      const count = counts.get(category) ?? { tp: 0, fp: 0, fn: 0 };
      return [category, tally(count.tp, count.fp, count.fn)];
    }),
  ) as Record<HotwordCategory, Tally>;
  const sum = (pick: (tally: Tally) => number): number =>
    HOTWORD_CATEGORIES.reduce((total, category) => total + pick(perCategory[category]), 0);

  return {
    sentences: sentences.length,
    perCategory,
    overall: tally(
      sum((t) => t.truePositives),
      sum((t) => t.falsePositives),
      sum((t) => t.falseNegatives),
    ),
    exactSentences,
    dominantCorrect,
    positiveSentences,
    misses,
  };
}
