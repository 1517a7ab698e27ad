import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateVoice, voiceUtterancesSchema } from '@/lib/voice/evaluate';
import { createVoiceMatcher } from '@/lib/voice/match';
import { RESIDENT_VOICE_COMMANDS } from '@/lib/voice/resident-commands';

const TARGET_ACCURACY = 0.95;

const utterances = voiceUtterancesSchema.parse(
  JSON.parse(readFileSync(new URL('../../../data/voice-utterances.json', import.meta.url), 'utf8')),
);
const matcher = createVoiceMatcher(RESIDENT_VOICE_COMMANDS);
const report = evaluateVoice(utterances, matcher.match);

describe('recorded utterances', () => {
  it('hold at least 150 utterances, including ones that must be none or ask', () => {
    expect(utterances.length).toBeGreaterThanOrEqual(150);
    expect(utterances.filter((utterance) => utterance.expect === 'none').length).toBeGreaterThanOrEqual(15);
    expect(utterances.filter((utterance) => utterance.expect === 'ask').length).toBeGreaterThanOrEqual(3);
  });

  it('name only commands that exist', () => {
    const ids = new Set(matcher.catalogue.commands.map((command) => command.id));
    const unknown = utterances.flatMap((utterance) => {
      const named = 'candidates' in utterance ? utterance.candidates : [utterance.expect];
      return named.filter((id) => id !== 'none' && !ids.has(id));
    });
    expect(unknown).toEqual([]);
  });

  it(`are understood at least ${TARGET_ACCURACY * 100}% of the time`, () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(TARGET_ACCURACY);
  });

  it('never turn unrelated speech into a costly action', () => {
    const costly = new Set(matcher.catalogue.commands.filter((command) => command.costly).map((command) => command.id));
    const wrong = utterances
      .filter((utterance) => utterance.expect === 'none')
      .map((utterance) => ({ text: utterance.text, result: matcher.match(utterance.text) }))
      .filter(({ result }) => result.kind === 'match' && costly.has(result.id));
    expect(wrong).toEqual([]);
  });
});
