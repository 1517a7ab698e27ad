import type { HotwordTerm } from './types';

export const DEFAULT_DAILY_THRESHOLD = 50;

export function dailyThresholdOf(term: Pick<HotwordTerm, 'dailyThreshold'>): number {
  return term.dailyThreshold ?? DEFAULT_DAILY_THRESHOLD;
}
