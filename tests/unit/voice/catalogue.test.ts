import { describe, expect, it } from 'vitest';
import { GLOBAL_VOICE_COMMANDS } from '@/lib/voice/global-commands';
import { createVoiceMatcher } from '@/lib/voice/match';
import { RESIDENT_VOICE_COMMANDS } from '@/lib/voice/resident-commands';

const matcher = createVoiceMatcher(RESIDENT_VOICE_COMMANDS);

describe('default command catalogue', () => {
  it('offers every resident destination and action', () => {
    expect(RESIDENT_VOICE_COMMANDS.map((command) => command.id)).toEqual(
      expect.arrayContaining([
        'home',
        'bills',
        'pay',
        'complaint',
        'refunds',
        'refund-request',
        'accounts',
        'bind-account',
        'hotline',
        'sign-out',
      ]),
    );
  });

  it('offers the global commands', () => {
    expect(GLOBAL_VOICE_COMMANDS.map((command) => command.id)).toEqual([
      'help',
      'back',
      'home',
      'read',
      'stop',
      'larger',
      'smaller',
      'mode-elder',
      'mode-standard',
      'confirm',
      'cancel',
    ]);
  });

  it('marks paying and requesting a refund as costly, and nothing else', () => {
    const costly = RESIDENT_VOICE_COMMANDS.filter((command) => command.costly).map((command) => command.id);
    expect(costly.sort()).toEqual(['pay', 'refund-request']);
  });

  it('matches every visible label to its own command', () => {
    for (const command of [...RESIDENT_VOICE_COMMANDS, ...GLOBAL_VOICE_COMMANDS]) {
      for (const label of command.labels) {
        expect({ label, result: matcher.match(label) }).toEqual({
          label,
          result: { kind: 'match', id: command.id, score: 1 },
        });
      }
    }
  });
});
