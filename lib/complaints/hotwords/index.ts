export { matchHotwords } from './default-matcher';
export { createHotwordMatcher, type HotwordMatcher, type HotwordMatcherOptions } from './matcher';
export { HOTWORD_SHIELDS } from './shields';
export { DEFAULT_DAILY_THRESHOLD, dailyThresholdOf } from './threshold';
export { dominantCategory, workOrderPriority } from './ranking';
export {
  HOTWORD_CATEGORIES,
  type HotwordCategory,
  type HotwordHit,
  type HotwordResult,
  type HotwordSeverity,
  type HotwordTerm,
  type WorkOrderPriority,
} from './types';
