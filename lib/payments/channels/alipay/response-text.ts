// Alipay signs the exact bytes of "xxx_response" as they appear in its reply, so that
// member has to be cut out of the raw text: re-serialising a parsed object would change
// escapes and spacing and break the signature.

export interface RawMember {
  key: string;
  raw: string;
}

export function topLevelMembers(text: string): RawMember[] | null {
  const members: RawMember[] = [];
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return null;
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return members;
  for (;;) {
    const keyEnd = endOfString(text, i);
    if (keyEnd === null) return null;
    const key = decodeKey(text.slice(i, keyEnd));
    if (key === null) return null;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return null;
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = endOfValue(text, valueStart);
    if (valueEnd === null) return null;
    members.push({ key, raw: text.slice(valueStart, valueEnd) });
    i = skipSpace(text, valueEnd);
    if (text[i] === '}') return members;
    if (text[i] !== ',') return null;
    i = skipSpace(text, i + 1);
  }
}

function decodeKey(quoted: string): string | null {
  try {
    const key: unknown = JSON.parse(quoted);
    return typeof key === 'string' ? key : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i += 1;
  return i;
}

// Index just past the closing quote of the string starting at `from`.
function endOfString(text: string, from: number): number | null {
  if (text[from] !== '"') return null;
  for (let i = from + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return null;
}

function endOfValue(text: string, from: number): number | null {
  const first = text[from];
  if (first === '"') return endOfString(text, from);
  if (first !== '{' && first !== '[') {
    let i = from;
    while (i < text.length && !',}] \t\r\n'.includes(text[i] ?? '')) i += 1;
    return i > from ? i : null;
  }
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      const end = endOfString(text, i);
      if (end === null) return null;
      i = end - 1;
    } else if (ch === '{' || ch === '[') {
      depth += 1;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return null;
}
