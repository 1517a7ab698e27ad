import type { Unit } from './syllables';

/*
 * Cost of hearing speech unit `b` where the phrase has unit `a`:
 *   same character 0; same sound, other character (帐/账, 交/缴, 保/报) 0.05;
 *   a common confusion (zh/z, n/l, an/ang …) 0.25; same final, other initial 0.6; otherwise 1;
 * all scaled by the phrase character's weight. A phrase character the speaker left out costs its
 * weight; an extra syllable inside the phrase (暖气 "有点" 不热) costs 0.35, since people pad
 * what they say far more often than they drop words.
 */
export const COST = {
  homophone: 0.05,
  nearHomophone: 0.25,
  sameFinal: 0.6,
  missing: 1,
  extra: 0.35,
} as const;

const intersects = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((item) => b.includes(item));

export function substitutionCost(a: Unit, b: Unit): number {
  if (a.char === b.char) return 0;
  if (intersects(a.readings, b.readings)) return COST.homophone;
  if (intersects(a.keys, b.keys)) return COST.nearHomophone;
  if (a.final.length > 0 && a.final === b.final) return COST.sameFinal;
  return 1;
}

export interface Alignment {
  /** Weighted edit distance between the phrase and the best-matching stretch of the utterance. */
  distance: number;
  /** That stretch, in utterance units. */
  start: number;
  end: number;
  /** The phrase's total weight: the distance at which nothing of it was heard. */
  weight: number;
}

// Reused across calls: matching runs on every utterance, and four small arrays per phrase per
// utterance were most of its allocation.
interface Scratch {
  size: number;
  rows: [Float64Array, Float64Array];
  starts: [Int32Array, Int32Array];
}

let scratch: Scratch = {
  size: 0,
  rows: [new Float64Array(0), new Float64Array(0)],
  starts: [new Int32Array(0), new Int32Array(0)],
};

function buffers(columns: number): Scratch {
  if (scratch.size < columns) {
    const size = Math.max(columns, scratch.size * 2, 32);
    scratch = {
      size,
      rows: [new Float64Array(size), new Float64Array(size)],
      starts: [new Int32Array(size), new Int32Array(size)],
    };
  }
  return scratch;
}

/**
 * Aligns the whole phrase against any stretch of the utterance (free start and end in the
 * utterance). Ties prefer the shorter stretch, so padding is not counted as matched speech.
 */
export function alignPhrase(phrase: readonly Unit[], utterance: readonly Unit[]): Alignment {
  const columns = utterance.length + 1;
  const { rows, starts } = buffers(columns);
  let [previous, current] = rows;
  let [previousStart, currentStart] = starts;
  for (let j = 0; j < columns; j += 1) {
    previous[j] = 0;
    previousStart[j] = j;
  }

  for (let i = 1; i <= phrase.length; i += 1) {
    const wanted = phrase[i - 1];
    const weight = wanted?.weight ?? 1;
    current[0] = (previous[0] ?? 0) + weight * COST.missing;
    currentStart[0] = 0;
    for (let j = 1; j < columns; j += 1) {
      const heard = utterance[j - 1];
      const change = wanted && heard ? substitutionCost(wanted, heard) : 1;
      const substituted = (previous[j - 1] ?? 0) + weight * change;
      const skipped = (previous[j] ?? 0) + weight * COST.missing;
      const padded = (current[j - 1] ?? 0) + COST.extra;
      let best = substituted;
      let start = previousStart[j - 1] ?? 0;
      if (skipped < best) {
        best = skipped;
        start = previousStart[j] ?? 0;
      }
      if (padded < best) {
        best = padded;
        start = currentStart[j - 1] ?? 0;
      }
      current[j] = best;
      currentStart[j] = start;
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }

  const weight = phrase.reduce((total, unit) => total + unit.weight, 0);
  let alignment: Alignment = { distance: Number.POSITIVE_INFINITY, weight, start: 0, end: 0 };
  for (let j = 0; j < columns; j += 1) {
    const distance = previous[j] ?? Number.POSITIVE_INFINITY;
    const start = previousStart[j] ?? 0;
    const shorter = distance === alignment.distance && j - start < alignment.end - alignment.start;
    if (distance < alignment.distance || shorter) alignment = { distance, weight, start, end: j };
  }
  return alignment;
}
