import type { ReplyParts } from './action-reply';

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
    const headers = body.subarray(after + 2, headerEnd).toString('utf8');
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) return null;
    const part = describePart(headers);
    if (!part) return null;
    if (part.file) files.add(part.name);
    else fields.set(part.name, body.subarray(headerEnd + 4, end).toString('utf8'));
    at = end + 2;
  }
}

function describePart(headers: string): { name: string; file: boolean } | null {
  let name: string | null = null;
  let file = false;
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return null;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-disposition') {
      if (!/^form-data\s*(;|$)/i.test(value)) return null;
      const quoted = /;\s*name="((?:[^"\\]|\\.)*)"/i.exec(value);
      const token = /;\s*name=([^;"\s]+)/i.exec(value);
      name = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : (token?.[1] ?? null);
      file = /;\s*filename\*?=/i.test(value);
    } else if (header === 'content-transfer-encoding' && value.toLowerCase() === 'base64') {
      return null;
    }
  }
  return name === null ? null : { name, file };
}
