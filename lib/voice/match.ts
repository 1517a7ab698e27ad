import { cleanUtterance } from './clean';
import { compileVoiceCommands, type CompiledCatalogue, type PhraseRef } from './compile';
import { stripFillers } from './fillers';
import { GLOBAL_VOICE_COMMANDS, SMALL_TALK } from './global-commands';
import { alignPhrase, COST } from './similarity';
import { toSpeechUnits, type Unit } from './syllables';
import type { VoiceCommand, VoiceMatch } from './types';

/*
 * Scoring. Fillers are stripped (fillers.ts); each phrase is aligned against what is left
 * (similarity.ts) and scores
 *     similarity × √coverage,
 * where similarity = 1 − distance / phrase weight and coverage is the share of the remaining
 * speech the phrase accounts for. "账单" alone scores 1; "今天是星期几" scores low for 是 (yes)
 * because one character of six explains little. A command scores its best phrase.
 *
 * Decision: below MIN_SCORE nothing is understood; small talk (你好, 谢谢) scoring best means
 * nothing was asked; if the runner-up is within ASK_MARGIN of the best, the page asks which one
 * was meant; otherwise the best is the match.
 *
 * A phrase character whose sound (fuzzy key) is nowhere in the speech costs at least 0.6 of its
 * weight, which bounds the phrase's similarity before any alignment; phrases whose bound cannot
 * reach a decision are never aligned.
 */
export const MIN_SCORE = 0.6;
export const ASK_MARGIN = 0.1;

export interface MatchOptions {
  minScore?: number;
  askMargin?: number;
}

function sharesReading(a: Unit, b: Unit): boolean {
  return a.char === b.char || a.readings.some((reading) => b.readings.includes(reading));
}

/** Stretches where a catalogue phrase was said outright (homophones allowed): fillers stay there. */
function protectedStretches(units: readonly Unit[], catalogue: CompiledCatalogue): boolean[] {
  const isProtected = units.map(() => false);
  units.forEach((unit, at) => {
    const refs = new Set<PhraseRef>();
    for (const reading of unit.readings) {
      for (const ref of catalogue.byFirstReading.get(reading) ?? []) refs.add(ref);
    }
    for (const ref of refs) {
      const phrase = catalogue.commands[ref.command]?.phrases[ref.phrase];
      if (phrase === undefined || at + phrase.units.length > units.length) continue;
      const said = phrase.units.every((wanted, k) => {
        const heard = units[at + k];
        return heard !== undefined && sharesReading(wanted, heard);
      });
      if (said) isProtected.fill(true, at, at + phrase.units.length);
    }
  });
  return isProtected;
}

function phraseScore(phrase: readonly Unit[], speech: readonly Unit[]): number {
  // One syllable has dozens of homophones (是 视 事 试 …): a one-character phrase must be said
  // as itself, or "打开电视" would confirm a payment.
  const [only] = phrase;
  if (phrase.length === 1 && only !== undefined) {
    return speech.some((unit) => unit.char === only.char) ? Math.sqrt(1 / speech.length) : 0;
  }
  const alignment = alignPhrase(phrase, speech);
  const similarity = Math.max(0, 1 - alignment.distance / alignment.weight);
  const coverage = (alignment.end - alignment.start) / speech.length;
  return similarity * Math.sqrt(coverage);
}

/**
 * Best bound on a phrase's similarity before aligning it: every phrase character whose sound
 * is nowhere in the speech costs at least COST.sameFinal of its weight.
 */
function similarityBound(phrase: readonly Unit[], heardKeys: ReadonlySet<string>): number {
  let weight = 0;
  let unheard = 0;
  for (const unit of phrase) {
    weight += unit.weight;
    if (!unit.keys.some((key) => heardKeys.has(key))) unheard += unit.weight;
  }
  return 1 - (COST.sameFinal * unheard) / weight;
}

function commandScores(
  speech: readonly Unit[],
  catalogue: CompiledCatalogue,
  floor: number,
): Float64Array {
  const scores = new Float64Array(catalogue.commands.length);
  const heardKeys = new Set(speech.flatMap((unit) => unit.keys));
  const seen = new Set<PhraseRef>();
  for (const key of heardKeys) {
    for (const ref of catalogue.byKey.get(key) ?? []) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const phrase = catalogue.commands[ref.command]?.phrases[ref.phrase];
      if (phrase === undefined || similarityBound(phrase.units, heardKeys) < floor) continue;
      scores[ref.command] = Math.max(scores[ref.command] ?? 0, phraseScore(phrase.units, speech));
    }
  }
  return scores;
}

export function matchVoiceCommand(
  utterance: string,
  catalogue: CompiledCatalogue,
  options: MatchOptions = {},
): VoiceMatch {
  const minScore = options.minScore ?? MIN_SCORE;
  const askMargin = options.askMargin ?? ASK_MARGIN;
  const units = toSpeechUnits(cleanUtterance(utterance));
  const speech = stripFillers(units, protectedStretches(units, catalogue));
  if (speech.length === 0) return { kind: 'none' };

  // A phrase scoring under minScore − askMargin can neither win nor be the close runner-up.
  const scores = commandScores(speech, catalogue, minScore - askMargin);
  const ranked = [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const first = ranked[0];
  const best = first === undefined ? undefined : catalogue.commands[first];
  const bestScore = first === undefined ? 0 : (scores[first] ?? 0);
  if (best === undefined || best.rejects || bestScore < minScore) return { kind: 'none' };
  const second = ranked.slice(1).find((index) => catalogue.commands[index]?.rejects === false);

  const runnerUp = second === undefined ? undefined : catalogue.commands[second];
  const runnerUpScore = second === undefined ? 0 : (scores[second] ?? 0);
  if (runnerUp !== undefined && runnerUpScore > bestScore - askMargin) {
    return { kind: 'ask', candidates: [best.id, runnerUp.id] };
  }
  return { kind: 'match', id: best.id, score: Math.round(bestScore * 1000) / 1000 };
}

export interface VoiceMatcher {
  match(utterance: string): VoiceMatch;
  readonly catalogue: CompiledCatalogue;
}

/**
 * The matcher for one page: its own commands plus the global ones (help, back, home, read,
 * stop, text size, mode, confirm, cancel). Build it when the page's commands change.
 */
export function createVoiceMatcher(
  pageCommands: readonly VoiceCommand[],
  options: MatchOptions & { globals?: readonly VoiceCommand[]; smallTalk?: readonly string[] } = {},
): VoiceMatcher {
  const catalogue = compileVoiceCommands(
    [...pageCommands, ...(options.globals ?? GLOBAL_VOICE_COMMANDS)],
    options.smallTalk ?? SMALL_TALK,
  );
  return { catalogue, match: (utterance) => matchVoiceCommand(utterance, catalogue, options) };
}
