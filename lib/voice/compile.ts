import { cleanUtterance } from './clean';
import { isParticle } from './fillers';
import { toPhraseUnits, toSpeechUnits, type Unit } from './syllables';
import type { VoiceCommand } from './types';

export interface CompiledPhrase {
  text: string;
  units: readonly Unit[];
}

export interface CompiledCommand {
  id: string;
  costly: boolean;
  /** Small talk (你好, 谢谢): winning with it means "no command". */
  rejects: boolean;
  phrases: readonly CompiledPhrase[];
}

export interface PhraseRef {
  command: number;
  phrase: number;
}

/** A page's commands with their pinyin worked out once, ready for any number of utterances. */
export interface CompiledCatalogue {
  commands: readonly CompiledCommand[];
  /** Fuzzy syllable key → phrases containing it: phrases sharing none cannot score (see match.ts). */
  byKey: ReadonlyMap<string, readonly PhraseRef[]>;
  /** Reading of a phrase's first character → phrases, to find phrases said outright. */
  byFirstReading: ReadonlyMap<string, readonly PhraseRef[]>;
}

// Global commands and the resident catalogue recur on every page: their phrases are turned into
// pinyin once per page load, not once per page.
const phraseCache = new Map<string, readonly CompiledPhrase[]>();

/**
 * A phrase as written and, when it holds particles, without them: speech loses its particles
 * before scoring, so "我报修的到哪了" must meet "报修到哪了" as "报修到哪". Only particles go:
 * 我的 in 我的报修 is what separates it from 报修.
 */
function compilePhrase(text: string): readonly CompiledPhrase[] {
  const cached = phraseCache.get(text);
  if (cached !== undefined) return cached;
  const chars = cleanUtterance(text);
  const units = toPhraseUnits(chars);
  // Residents say mostly the catalogue's own characters: looking up their speech readings now
  // keeps that work off the first utterance.
  toSpeechUnits(chars);
  const bare = units.filter((unit) => !isParticle(unit.char));
  const forms = bare.length > 0 && bare.length < units.length ? [units, bare] : [units];
  const compiled = forms
    .filter((form) => form.length > 0)
    .map((form) => ({ text: form.map((unit) => unit.char).join(''), units: form }));
  phraseCache.set(text, compiled);
  return compiled;
}

interface MergedCommand {
  id: string;
  texts: string[];
  costly: boolean;
  rejects: boolean;
}

/** Commands sharing an id (a page link to 首页 and the global 首页) become one command. */
function mergeById(commands: readonly VoiceCommand[], smallTalk: readonly string[]): MergedCommand[] {
  const merged = new Map<string, MergedCommand>();
  for (const command of commands) {
    const entry = merged.get(command.id) ?? { id: command.id, texts: [], costly: false, rejects: false };
    entry.texts.push(...command.labels, ...(command.synonyms ?? []));
    entry.costly ||= command.costly === true;
    merged.set(command.id, entry);
  }
  const commandList = [...merged.values()];
  if (smallTalk.length > 0) commandList.push({ id: '', texts: [...smallTalk], costly: false, rejects: true });
  return commandList;
}

function addRef(index: Map<string, PhraseRef[]>, key: string, ref: PhraseRef): void {
  const refs = index.get(key);
  if (refs === undefined) index.set(key, [ref]);
  else if (!refs.includes(ref)) refs.push(ref);
}

function uniqueByText(phrases: readonly CompiledPhrase[]): CompiledPhrase[] {
  const byText = new Map<string, CompiledPhrase>();
  for (const phrase of phrases) if (!byText.has(phrase.text)) byText.set(phrase.text, phrase);
  return [...byText.values()];
}

export function compileVoiceCommands(
  commands: readonly VoiceCommand[],
  smallTalk: readonly string[] = [],
): CompiledCatalogue {
  const byKey = new Map<string, PhraseRef[]>();
  const byFirstReading = new Map<string, PhraseRef[]>();
  const compiled = mergeById(commands, smallTalk).map((command, commandIndex): CompiledCommand => {
    const phrases = uniqueByText(command.texts.flatMap(compilePhrase));
    phrases.forEach((phrase, phraseIndex) => {
      const ref = { command: commandIndex, phrase: phraseIndex };
      for (const unit of phrase.units) for (const key of unit.keys) addRef(byKey, key, ref);
      for (const reading of phrase.units[0]?.readings ?? []) addRef(byFirstReading, reading, ref);
    });
    return { id: command.id, costly: command.costly, rejects: command.rejects, phrases };
  });
  return { commands: compiled, byKey, byFirstReading };
}
