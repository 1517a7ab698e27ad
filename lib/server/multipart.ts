import type { ReplyParts } from './action-reply';

const MAX_HEADER_BYTES = 16 * 1024;
/** A header name as HTTP defines it (RFC 9110 token), then the colon with no space before it. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Bytes a header value may not hold: controls other than HTAB (a bare CR or LF included). */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Splits a multipart/form-data body into its text fields and file names, or null when it is not
 * complete, well-formed multipart with this boundary (truncated, a wrong boundary, a part with no
 * name, or a base64-encoded part, which React refuses). Strict on purpose: browsers always send
 * the closing delimiter.
 */
export function splitMultipart(body: Buffer, contentType: string): ReplyParts | null {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2];
  if (!value || value.length > 70) return null;
  const delimiter = Buffer.from(`--${value}`);
  const next = Buffer.from(`\r\n--${value}`);
  const fields = new Map<string, string>();
  const files = new Set<string>();
  // A preamble before the first delimiter is allowed (and ignored) by the multipart grammar.
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(next);
  if (at < 0) return null;
  if (at > 0) at += 2;
  for (;;) {
    const after = at + delimiter.length;
    if (body[after] === 0x2d && body[after + 1] === 0x2d) return { fields, files };
    if (body[after] !== 0x0d || body[after + 1] !== 0x0a) return null;
    const headerEnd = body.indexOf('\r\n\r\n', after);
    if (headerEnd < 0) return null;
    // Next's multipart parser (busboy) reads at most 16 KiB of headers per part, blank line included.
    if (headerEnd + 4 - (after + 2) > MAX_HEADER_BYTES) return null;
    const headers = body.subarray(after + 2, headerEnd);
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) return null;
    const part = describePart(headers);
    if (!part) return null;
    if (part.file) files.add(part.name);
    else fields.set(part.name, body.subarray(headerEnd + 4, end).toString('utf8'));
    at = end + 2;
  }
}

/**
 * A part's name and whether it is a file, read from its header block as Next's multipart parser
 * (busboy) reads it, or null when that parser would fail on the block ("Malformed part header", a
 * 500) or read it differently from a browser's FormData: a line without a colon, a name that is
 * not a token, a control character in a value, a folded line, a second Content-Disposition, one
 * that is not form-data or has no name, an extended (`name*=`) parameter, a Content-Type on a
 * text field (the parser would decode it in that charset) or a base64 transfer encoding.
 */
function describePart(block: Buffer): { name: string; file: boolean } | null {
  const headers = new Map<string, string>();
  for (const line of block.toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || !HEADER_NAME.test(line.slice(0, colon))) return null;
    const header = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).replace(/^[ \t]+/, '');
    if (CONTROL.test(value) || headers.has(header)) return null;
    headers.set(header, value);
  }
  const disposition = parseDisposition(headers.get('content-disposition') ?? '');
  if (disposition?.type !== 'form-data') return null;
  const name = disposition.params.get('name');
  if (!name) return null;
  const named = Boolean(disposition.params.get('filename'));
  const type = headers.get('content-type');
  if (!named && type !== undefined && !/^application\/octet-stream[ \t]*$/i.test(type)) return null;
  if (headers.get('content-transfer-encoding')?.trim().toLowerCase() === 'base64') return null;
  return { name: Buffer.from(name, 'latin1').toString('utf8'), file: named || type !== undefined };
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
/** What a quoted parameter value may hold: HTAB, printable ASCII bar `"` and `\`, and 0x80–0xff. */
const QUOTED_TEXT = /[\t\x20\x21\x23-\x5b\x5d-\x7e\x80-\xff]/;

/**
 * A Content-Disposition value (latin1) as busboy's parseDisposition reads it: the type, then
 * `; param=token` or `; param="quoted"` pairs, the first of each name winning, or null where it
 * gives up. Inside quotes `\"` and `\\` are escapes; a backslash before anything else is kept.
 */
function parseDisposition(value: string): { type: string; params: Map<string, string> } | null {
  let at = 0;
  while (at < value.length && TOKEN.test(value[at]!)) at++;
  const type = value.slice(0, at).toLowerCase();
  const params = new Map<string, string>();
  const skipSpace = () => {
    while (value[at] === ' ' || value[at] === '\t') at++;
  };
  for (;;) {
    skipSpace();
    if (at === value.length) return { type, params };
    if (value[at++] !== ';') return null;
    skipSpace();
    const start = at;
    while (at < value.length && TOKEN.test(value[at]!)) at++;
    if (value[at] !== '=') return null;
    const param = value.slice(start, at).toLowerCase();
    if (param.endsWith('*')) return null;
    at++;
    let text = '';
    if (value[at] === '"') {
      at++;
      for (;;) {
        if (at === value.length) return null;
        let char = value[at++]!;
        if (char === '"') break;
        if (char === '\\') {
          if (value[at] === '"' || value[at] === '\\') char = value[at++]!;
        } else if (!QUOTED_TEXT.test(char)) return null;
        text += char;
      }
    } else {
      const begin = at;
      while (at < value.length && TOKEN.test(value[at]!)) at++;
      if (at === begin) return null;
      text = value.slice(begin, at);
    }
    if (!params.has(param)) params.set(param, text);
  }
}
