import { buildAhoCorasick } from './aho-corasick';
import type { NormalizedText } from './normalize';
import type { HotwordCategory } from './types';

/*
 * Negation rule (kept small on purpose; every case here has a test):
 *
 * 1. Only symptoms can be negated: NOT_WARM, NO_HEAT, LEAK, NOISE and SAFETY. Words about money
 *    and service are complaints even after 不 ("不退费", "不给退" are the complaint itself).
 * 2. Prefix: a symptom is cancelled when 不/没/无/未/别 stands right before it in the same
 *    clause, optionally followed by up to two softeners (太 算 是 很 那 么 怎 咋 再 会 大 有):
 *    "暖气不冷", "没漏水", "不漏水了", "也不算太冷". 不停/不断 are not softeners, so
 *    "不停漏水" still counts. An A不A / A没A question (是不是, 有没有) negates nothing:
 *    "是不是有空气" suspects trapped air, it does not deny it.
 * 3. "Fixed now": a resolution remark (修好了, 不漏了, 已经热了 …) cancels the symptoms written
 *    before it in the same sentence. A remark tied to a theme (不漏了 → LEAK; 热了 → NOT_WARM and
 *    NO_HEAT) cancels that theme; a general one (修好了, 解决了) cancels the theme of the nearest
 *    symptom before it. A remark that is itself negated ("还没修好了", "不热了") is no remark.
 *    Symptoms written after the remark still count: "漏水修好了，可暖气还是不热".
 */

export const NEGATABLE_CATEGORIES: ReadonlySet<HotwordCategory> = new Set([
  'NOT_WARM',
  'NO_HEAT',
  'LEAK',
  'NOISE',
  'SAFETY',
]);

const NEGATORS = new Set(['不', '没', '无', '未', '别']);
const SOFTENERS = new Set(['太', '算', '是', '很', '那', '么', '怎', '咋', '再', '会', '大', '有']);
const MAX_SOFTENERS = 2;

const WARMTH: readonly HotwordCategory[] = ['NOT_WARM', 'NO_HEAT'];
const LEAKING: readonly HotwordCategory[] = ['LEAK'];
const QUIET: readonly HotwordCategory[] = ['NOISE'];

/** `scope: null` means "the theme of the nearest symptom before the remark". */
const RESOLUTION_REMARKS: readonly { text: string; scope: readonly HotwordCategory[] | null }[] = [
  { text: '修好了', scope: null },
  { text: '已修好', scope: null },
  { text: '弄好了', scope: null },
  { text: '已经好了', scope: null },
  { text: '现在好了', scope: null },
  { text: '都好了', scope: null },
  { text: '解决了', scope: null },
  { text: '已解决', scope: null },
  { text: '恢复了', scope: null },
  { text: '恢复正常', scope: null },
  { text: '没事了', scope: null },
  { text: '热了', scope: WARMTH },
  { text: '热乎了', scope: WARMTH },
  { text: '暖和了', scope: WARMTH },
  { text: '热起来了', scope: WARMTH },
  { text: '来暖了', scope: WARMTH },
  { text: '来热了', scope: WARMTH },
  { text: '恢复供暖', scope: WARMTH },
  { text: '恢复供热', scope: WARMTH },
  { text: '达标了', scope: WARMTH },
  { text: '不漏了', scope: LEAKING },
  { text: '不滴了', scope: LEAKING },
  { text: '不渗了', scope: LEAKING },
  { text: '不响了', scope: QUIET },
  { text: '安静了', scope: QUIET },
];

const remarkAutomaton = buildAhoCorasick(RESOLUTION_REMARKS.map((remark) => remark.text));

function isQuestionTag(normalized: NormalizedText, negatorAt: number): boolean {
  const before = negatorAt - 1;
  return (
    before >= 0 &&
    normalized.clause[before] === normalized.clause[negatorAt] &&
    normalized.text.charAt(before) === normalized.text.charAt(negatorAt + 1)
  );
}

/** True when a negator (with optional softeners) ends right before normalized offset `at`. */
export function isNegatedBefore(normalized: NormalizedText, at: number): boolean {
  const clause = normalized.clause[at];
  for (let softeners = 0; softeners <= MAX_SOFTENERS; softeners += 1) {
    const negatorAt = at - softeners - 1;
    if (negatorAt < 0 || normalized.clause[negatorAt] !== clause) return false;
    if (NEGATORS.has(normalized.text.charAt(negatorAt))) return !isQuestionTag(normalized, negatorAt);
    if (!SOFTENERS.has(normalized.text.charAt(negatorAt))) return false;
  }
  return false;
}

export interface ResolutionRemark {
  /** Normalized offsets of the remark. */
  start: number;
  end: number;
  sentence: number;
  scope: readonly HotwordCategory[] | null;
}

export function findResolutionRemarks(normalized: NormalizedText): ResolutionRemark[] {
  const remarks: ResolutionRemark[] = [];
  for (const found of remarkAutomaton.findAll(normalized.text)) {
    const remark = RESOLUTION_REMARKS[found.pattern];
    const sentence = normalized.sentence[found.start];
    if (remark === undefined || sentence === undefined) continue;
    if (normalized.sentence[found.end - 1] !== sentence) continue;
    if (isNegatedBefore(normalized, found.start)) continue;
    remarks.push({ start: found.start, end: found.end, sentence, scope: remark.scope });
  }
  return remarks;
}
