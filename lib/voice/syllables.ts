import { pinyin } from 'pinyin-pro';

/** One spoken character and how it can sound. */
export interface Unit {
  char: string;
  /**
   * Toneless readings. Speech keeps every reading of a character (a recogniser may pick 长 for
   * zhang or chang); a catalogue phrase keeps the one its context gives (长辈 → zhang).
   */
  readings: readonly string[];
  /** Readings with the usual confusions merged (see fuzzyKey). */
  keys: readonly string[];
  /** The final of the most common reading only: rare readings would make everything rhyme. */
  final: string;
  /** How much of a phrase's meaning the character carries (see LOW_INFORMATION). */
  weight: number;
}

const INITIAL = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])/;

/*
 * Question words, measure words and particles say little about which command is meant:
 * "师傅什么时候来" should not half-match "孙子什么时候回来" on 什么时候 alone.
 */
const LOW_INFORMATION = new Set([...'什么时候怎样哪儿多少啥咋吗呢了的一个这那到']);
const LOW_WEIGHT = 0.4;

/*
 * Merges what northern and southern speakers and recognisers commonly swap: zh/z, ch/c, sh/s,
 * n/l, f/h, and the front/back nasals an/ang, en/eng, in/ing.
 */
export function fuzzyKey(reading: string): string {
  return reading
    .replace(/^([zcs])h/, '$1')
    .replace(/^n/, 'l')
    .replace(/^f/, 'h')
    .replace(/([aei])ng$/, '$1n');
}

function makeUnit(char: string, readings: readonly string[]): Unit {
  const distinct = [...new Set(readings.length > 0 ? readings : [char])];
  const primary = distinct[0] ?? char;
  return {
    char,
    readings: distinct,
    keys: [...new Set(distinct.map(fuzzyKey))],
    final: primary.replace(INITIAL, ''),
    weight: LOW_INFORMATION.has(char) ? LOW_WEIGHT : 1,
  };
}

// Readings never change and speech reuses few characters: each is looked up in pinyin-pro once.
const speechCache = new Map<string, Unit>();

function speechUnit(char: string): Unit {
  const cached = speechCache.get(char);
  if (cached !== undefined) return cached;
  const unit = makeUnit(char, pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true }));
  speechCache.set(char, unit);
  return unit;
}

/** Units for recognised speech: every reading of each character. */
export function toSpeechUnits(chars: readonly string[]): Unit[] {
  return chars.map(speechUnit);
}

/** Units for a catalogue phrase: the reading each character has in this phrase. */
export function toPhraseUnits(chars: readonly string[]): Unit[] {
  const inContext = pinyin(chars.join(''), { type: 'array', toneType: 'none', v: true });
  // pinyin-pro gives one entry per character; if it ever does not, fall back to all readings.
  if (inContext.length !== chars.length) return toSpeechUnits(chars);
  return chars.map((char, index) => makeUnit(char, [inContext[index] ?? char]));
}
