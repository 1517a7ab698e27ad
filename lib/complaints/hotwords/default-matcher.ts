import { HOTWORD_SEED } from '@/prisma/seed/hotwords';
import { createHotwordMatcher, type HotwordMatcher } from './matcher';
import { HOTWORD_SHIELDS } from './shields';
import type { HotwordResult } from './types';

let seeded: HotwordMatcher | undefined;

/**
 * Matches against the seeded library. Code that serves staff-edited terms builds its own matcher
 * with `createHotwordMatcher(termsFromDatabase, { shields: HOTWORD_SHIELDS })`.
 */
export function matchHotwords(text: string): HotwordResult {
  seeded ??= createHotwordMatcher(HOTWORD_SEED, { shields: HOTWORD_SHIELDS });
  return seeded.match(text);
}
