const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const MEANINGFUL = /[\p{L}\p{N}]/u;

const STUTTER_RUN = 3;

/**
 * What a recogniser returns, reduced to the characters that can carry a command: full-width
 * folded to half-width, Latin lower-cased, spaces, punctuation and emoji dropped. A character
 * said three or more times in a row (对对对, 是是是, 哈哈哈) counts once: that is emphasis or a
 * stutter, while two in a row is often a word (看看, 念念).
 */
export function cleanUtterance(text: string): string[] {
  const chars: string[] = [];
  for (const raw of text) {
    let codePoint = raw.codePointAt(0) ?? 0;
    if (codePoint >= FULL_WIDTH_FIRST && codePoint <= FULL_WIDTH_LAST) codePoint -= FULL_WIDTH_OFFSET;
    const char = String.fromCodePoint(codePoint).toLowerCase();
    if (MEANINGFUL.test(char)) chars.push(char);
  }
  return collapseRuns(chars);
}

function collapseRuns(chars: readonly string[]): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < chars.length) {
    let end = at + 1;
    while (end < chars.length && chars[end] === chars[at]) end += 1;
    const run = chars.slice(at, end);
    out.push(...(run.length >= STUTTER_RUN ? run.slice(0, 1) : run));
    at = end;
  }
  return out;
}
