import type { Unit } from './syllables';

/*
 * Words that wrap a command without choosing it: politeness, hesitation, "I want", "open",
 * "have a look", question tails. They are removed before scoring, except where they are part
 * of a catalogue phrase the resident actually said (我的户号 keeps its 我, 读一下 its 一下): the
 * matcher marks those stretches as protected first.
 */
const FILLERS: readonly string[] = [
  '我想要', '我要', '我想', '我得', '我需要', '我能', '俺要', '俺想', '咱要', '帮我', '帮忙', '给我',
  '替我', '麻烦你', '麻烦', '请你', '请帮我', '请', '一下子', '一下', '那个', '这个', '就是', '然后',
  '怎么', '咋', '如何', '怎样', '在哪里', '在哪儿', '在哪', '哪里', '可以吗', '行吗', '好吗', '能不能',
  '能否', '可不可以', '去', '打开', '进入', '跳到', '点开', '看看', '看一看', '看一下', '瞅瞅', '瞧瞧',
  '查看', '查一查', '查一下', '查查', '查询', '显示', '页面', '界面', '俺', '咱', '我', '你', '的',
  '呃', '嗯', '啊', '呀', '吧', '了', '呢', '嘛', '哦', '喔', '哎', '诶', '唉', '哈',
];

const PARTICLES = new Set([...'呃嗯啊呀吧了呢嘛哦喔哎诶唉哈']);

/** Sentence particles and hesitation sounds: never the content of a command. */
export function isParticle(char: string): boolean {
  return PARTICLES.has(char);
}

/** Words that contain a filler but are not one: 申请 is not 申 + 请. */
const NOT_FILLERS: readonly (readonly string[])[] = ['申请', '邀请', '了解', '去年'].map((word) => [...word]);

// Longest first, so 我想要 is taken whole rather than as 我想 + 要.
const BY_LENGTH = [...FILLERS].map((filler) => [...filler]).sort((a, b) => b.length - a.length);

function startsWith(units: readonly Unit[], at: number, word: readonly string[]): boolean {
  return word.every((char, k) => units[at + k]?.char === char);
}

function fillerAt(units: readonly Unit[], at: number, isProtected: readonly boolean[]): number {
  for (const filler of BY_LENGTH) {
    const unprotected = filler.every((_, k) => isProtected[at + k] === false);
    if (unprotected && startsWith(units, at, filler)) return filler.length;
  }
  return 0;
}

/** The units left once fillers outside protected stretches are dropped. */
export function stripFillers(units: readonly Unit[], isProtected: readonly boolean[]): Unit[] {
  const kept: Unit[] = [];
  let at = 0;
  while (at < units.length) {
    const word = NOT_FILLERS.find((candidate) => startsWith(units, at, candidate));
    if (word !== undefined) {
      kept.push(...units.slice(at, at + word.length));
      at += word.length;
      continue;
    }
    const length = fillerAt(units, at, isProtected);
    if (length > 0) {
      at += length;
      continue;
    }
    const unit = units[at];
    if (unit !== undefined) kept.push(unit);
    at += 1;
  }
  return kept;
}
