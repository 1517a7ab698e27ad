import { TRADITIONAL_TO_SIMPLIFIED } from './traditional';

/**
 * Text reduced to the characters that carry meaning, with a map back to the original.
 * Index i of every array describes code unit i of `text`.
 */
export interface NormalizedText {
  text: string;
  /** Offset in the original string where the character came from. */
  start: number[];
  /** Offset just past it in the original (two units for a surrogate pair). */
  end: number[];
  /** Commas, stops and similar marks separate clauses; a hot word never spans two. */
  clause: number[];
  /** Only full stops, ! ? ; and line breaks separate sentences (the scope of "fixed now" remarks). */
  sentence: number[];
}

export interface NormalizeOptions {
  /** Fold traditional characters to simplified; on by default. */
  traditional?: boolean;
}

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

// After full-width folding, so '，' arrives here as ','.
const SENTENCE_BREAKS = new Set(['。', '!', '?', ';', '\n', '\r', '.']);
const CLAUSE_BREAKS = new Set([',', '、', ':', '…', '~', '|', '/', ...SENTENCE_BREAKS]);

const MEANINGFUL = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;

function foldWidth(codePoint: number): number {
  if (codePoint >= FULL_WIDTH_FIRST && codePoint <= FULL_WIDTH_LAST) return codePoint - FULL_WIDTH_OFFSET;
  if (codePoint === IDEOGRAPHIC_SPACE) return 0x20;
  return codePoint;
}

function foldCase(codePoint: number): number {
  return codePoint >= 0x41 && codePoint <= 0x5a ? codePoint + 0x20 : codePoint;
}

function foldedAt(source: string, index: number, traditional: boolean): string {
  const raw = source.codePointAt(index);
  if (raw === undefined) return '';
  let codePoint = foldCase(foldWidth(raw));
  if (traditional) codePoint = TRADITIONAL_TO_SIMPLIFIED.get(codePoint) ?? codePoint;
  return String.fromCodePoint(codePoint);
}

/**
 * Full-width → half-width, Latin lower-cased, traditional folded, spaces, punctuation, symbols
 * and emoji removed. A '.' between two digits is a decimal point and is kept ("18.5度").
 */
export function normalizeForMatching(source: string, options: NormalizeOptions = {}): NormalizedText {
  const traditional = options.traditional ?? true;
  const out: NormalizedText = { text: '', start: [], end: [], clause: [], sentence: [] };
  const units: string[] = [];
  let clause = 0;
  let sentence = 0;
  let index = 0;
  while (index < source.length) {
    const char = foldedAt(source, index, traditional);
    const width = (source.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    const next = index + width;
    const isDecimalPoint =
      char === '.' && DIGIT.test(units.at(-1) ?? '') && DIGIT.test(foldedAt(source, next, traditional));
    if (MEANINGFUL.test(char) || isDecimalPoint) {
      for (const unit of char.length === 2 ? [char.charAt(0), char.charAt(1)] : [char]) {
        units.push(unit);
        out.start.push(index);
        out.end.push(next);
        out.clause.push(clause);
        out.sentence.push(sentence);
      }
    } else if (CLAUSE_BREAKS.has(char)) {
      clause += 1;
      if (SENTENCE_BREAKS.has(char)) sentence += 1;
    }
    index = next;
  }
  out.text = units.join('');
  return out;
}
