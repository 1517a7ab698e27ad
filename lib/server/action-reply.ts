/**
 * Whether a server-action body is one React's encodeReply could have written, checked before Next
 * decodes it (Next answers a body it cannot decode with a 500). React 19 sends the action's
 * arguments either as text (a JSON array) or as multipart form data whose field "0" is that array;
 * strings starting with "$" in it are references: to other fields ("$1", "$@1", "$Q1", "$W1",
 * "$i1" hold JSON; "$B1" a file; "$K1" the entries "_1_…"), or self-contained values ("$$…" an
 * escaped string, "$undefined", "$NaN", "$Infinity", "$-0", "$D…" a date, "$n…" a BigInt, "$T" a
 * temporary reference). Nuanxin's actions take form data and plain values, so streams, typed
 * arrays and functions as arguments ("$R", "$r", "$X", "$x", "$A"…, "$h") are refused too.
 */

/** Next refuses an action with more arguments than this (SERVER_ACTION_ARGS_LIMIT). */
const MAX_ARGS = 1000;
/** React's arraySizeLimit and MAX_BIGINT_DIGITS in decodeReply. */
const ARRAY_SIZE_LIMIT = 1_000_000;
const MAX_BIGINT_DIGITS = 300;

export interface ReplyParts {
  /** Text fields by name. */
  fields: Map<string, string>;
  /** Names of the file fields. */
  files: Set<string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false };
  }
}

/** React counts array slots per root array (and strings in it) and refuses beyond its limit. */
interface ArrayCount {
  count: number;
  fork: boolean;
}

class ReplyChecker {
  private readonly parsed = new Map<number, Json>();
  private readonly pending: number[] = [];

  /** `prefix`: the fields' names start with it (a bound action's "$ACTION_1:" in a form post). */
  constructor(
    private readonly parts: ReplyParts,
    private readonly prefix = '',
  ) {}

  /** The JSON of field `id` (hexadecimal in references, decimal as a field name), or undefined. */
  part(id: number): Json | undefined {
    if (this.parsed.has(id)) return this.parsed.get(id);
    const text = this.parts.fields.get(this.prefix + String(id));
    if (text === undefined) return undefined;
    const json = parseJson(text);
    if (!json.ok) return undefined;
    this.parsed.set(id, json.value);
    this.pending.push(id);
    return json.value;
  }

  /** Checks field 0, which must have the root's shape, and every field it reaches. */
  check(root: (value: Json | undefined) => boolean): boolean {
    if (!root(this.part(0))) return false;
    while (this.pending.length > 0) {
      const id = this.pending.shift()!;
      if (!this.value(this.parsed.get(id)!, null)) return false;
    }
    return true;
  }

  private value(value: Json, counter: ArrayCount | null): boolean {
    if (typeof value === 'string') return this.text(value, counter);
    if (Array.isArray(value)) {
      const inner = counter ?? { count: 0, fork: false };
      if (value.length > 1) inner.fork = true;
      if (!this.bump(inner, value.length + 1)) return false;
      return value.every((item) => this.value(item, inner));
    }
    if (value !== null && typeof value === 'object') return Object.values(value).every((item) => this.value(item, null));
    return true;
  }

  private bump(counter: ArrayCount | null, slots: number): boolean {
    if (!counter) return true;
    counter.count += slots;
    return !(counter.count > ARRAY_SIZE_LIMIT && counter.fork);
  }

  private text(value: string, counter: ArrayCount | null): boolean {
    if (value[0] !== '$') return this.bump(counter, value.length);
    const tag = value[1];
    const rest = value.slice(2);
    switch (tag) {
      case '$':
        return this.bump(counter, value.length - 1);
      case 'u': // $undefined
      case 'I': // $Infinity
      case 'N': // $NaN
      case '-': // $-0, $-Infinity
      case 'T': // a temporary reference (Next passes the set)
      case 'D': // a date; an unreadable one decodes as Invalid Date
        return true;
      case 'K':
        return /^[0-9a-f]+$/.test(rest);
      case 'n':
        return /^-?\d+$/.test(rest) && rest.replace('-', '').length <= MAX_BIGINT_DIGITS && this.bump(counter, rest.length);
      case 'B':
        return /^[0-9a-f]+$/.test(rest) && this.parts.files.has(this.prefix + String(parseInt(rest, 16)));
      case '@':
        return this.outlined(rest, () => true);
      case 'Q':
        return this.outlined(rest, (model) => Array.isArray(model) && model.every((entry) => Array.isArray(entry)));
      case 'W':
      case 'i':
        return this.outlined(rest, (model) => Array.isArray(model));
      default:
        // "$1", or "$1:key:0", a path into that field's value (objects React wrote once, used twice).
        return this.path(value.slice(1));
    }
  }

  private outlined(hex: string, shape: (model: Json) => boolean): boolean {
    if (!/^[0-9a-f]+$/.test(hex)) return false;
    const model = this.part(parseInt(hex, 16));
    return model !== undefined && shape(model);
  }

  private path(reference: string): boolean {
    const [hex, ...keys] = reference.split(':');
    if (!/^[0-9a-f]+$/.test(hex!)) return false;
    let model = this.part(parseInt(hex!, 16));
    for (const key of keys) {
      // A step through another outlined field follows it, as React does.
      if (typeof model === 'string' && /^\$[0-9a-f]+$/.test(model)) model = this.part(parseInt(model.slice(1), 16));
      if (model === null || typeof model !== 'object' || !Object.hasOwn(model, key)) return false;
      model = (model as Record<string, Json>)[key];
    }
    return model !== undefined;
  }
}

const argumentList = (value: Json | undefined) => Array.isArray(value) && value.length <= MAX_ARGS;

/** A text/plain action body: the arguments as a JSON array. */
export function isReplyText(body: string): boolean {
  return new ReplyChecker({ fields: new Map([['0', body]]), files: new Set() }).check(argumentList);
}

/** A multipart action body, already split into its fields and files. */
export function isReplyForm(parts: ReplyParts): boolean {
  return new ReplyChecker(parts).check(argumentList);
}

/**
 * A form posted without JavaScript (no Next-Action header): React's hidden fields name the action.
 * A bound action ("$ACTION_REF_1") carries its descriptor in "$ACTION_1:0", `{"id":…,"bound":…}`,
 * and its bound arguments in further "$ACTION_1:…" fields, decoded like a reply; a plain form post
 * that names no action is not decoded at all.
 */
export function isFormPostReply(parts: ReplyParts): boolean {
  for (const name of parts.fields.keys()) {
    if (!name.startsWith('$ACTION_REF_')) continue;
    const prefix = `$ACTION_${name.slice('$ACTION_REF_'.length)}:`;
    const descriptor = (value: Json | undefined) =>
      value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.id === 'string' && (value.bound === null || typeof value.bound === 'string');
    if (!new ReplyChecker(parts, prefix).check(descriptor)) return false;
  }
  return true;
}
