import { z } from 'zod';
import type { VoiceMatch } from './types';

export const voiceUtteranceSchema = z.union([
  z.object({ text: z.string().min(1), expect: z.literal('none'), tag: z.string() }),
  z.object({
    text: z.string().min(1),
    expect: z.literal('ask'),
    candidates: z.tuple([z.string(), z.string()]),
    tag: z.string(),
  }),
  z.object({ text: z.string().min(1), expect: z.string().min(1), tag: z.string() }),
]);

export type VoiceUtterance = z.infer<typeof voiceUtteranceSchema>;

export const voiceUtterancesSchema = z.array(voiceUtteranceSchema);

export interface VoiceMiss {
  text: string;
  tag: string;
  expected: string;
  got: string;
}

export interface VoiceEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  byTag: Record<string, { total: number; correct: number }>;
  misses: VoiceMiss[];
}

export function describeVoiceMatch(result: VoiceMatch): string {
  if (result.kind === 'match') return `${result.id} (${result.score.toFixed(2)})`;
  if (result.kind === 'ask') return `ask ${result.candidates.join(' / ')}`;
  return 'none';
}

function describeExpectation(utterance: VoiceUtterance): string {
  return 'candidates' in utterance ? `ask ${utterance.candidates.join(' / ')}` : utterance.expect;
}

/** An ask is right when it offers the expected two commands, in either order. */
export function isExpected(utterance: VoiceUtterance, result: VoiceMatch): boolean {
  if ('candidates' in utterance) {
    const asked = result.kind === 'ask' ? [...result.candidates].sort().join() : '';
    return asked === [...utterance.candidates].sort().join();
  }
  if (utterance.expect === 'none') return result.kind === 'none';
  return result.kind === 'match' && result.id === utterance.expect;
}

export function evaluateVoice(
  utterances: readonly VoiceUtterance[],
  match: (utterance: string) => VoiceMatch,
): VoiceEvaluation {
  const byTag: Record<string, { total: number; correct: number }> = {};
  const misses: VoiceMiss[] = [];
  let correct = 0;
  for (const utterance of utterances) {
    const result = match(utterance.text);
    const tag = (byTag[utterance.tag] ??= { total: 0, correct: 0 });
    tag.total += 1;
    if (isExpected(utterance, result)) {
      correct += 1;
      tag.correct += 1;
    } else {
      misses.push({
        text: utterance.text,
        tag: utterance.tag,
        expected: describeExpectation(utterance),
        got: describeVoiceMatch(result),
      });
    }
  }
  return { total: utterances.length, correct, accuracy: correct / utterances.length, byTag, misses };
}
