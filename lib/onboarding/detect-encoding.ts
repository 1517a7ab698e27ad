/**
 * Legacy exports from Chinese Windows machines are GBK (code page 936); newer ones UTF-8, often
 * with a byte-order mark. A BOM decides; otherwise the first bytes are tried as strict UTF-8 and
 * anything invalid means GBK (read as GB18030, its superset). Plain ASCII reads the same either way.
 */
export type TextEncoding = 'utf8' | 'gb18030';

export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  // The sample may end inside a multi-byte character: drop an incomplete tail before judging.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (back < needed) end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch (error) {
    if (error instanceof TypeError) return 'gb18030';
    throw error;
  }
}
