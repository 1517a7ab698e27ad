import { MalformedImage } from './strip-jpeg';

/**
 * Removes metadata chunks from a PNG (text, compressed text, international text, Exif, the
 * modification time) and copies every other chunk byte for byte, stopping at IEND.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function stripPng(input: Buffer): Buffer {
  if (!input.subarray(0, 8).equals(SIGNATURE)) throw new MalformedImage('not a PNG');
  const kept: Buffer[] = [SIGNATURE];
  let i = 8;
  let first = true;
  while (i + 12 <= input.length) {
    const length = input.readUInt32BE(i);
    const type = input.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > input.length) throw new MalformedImage('chunk runs past the end');
    if (first && type !== 'IHDR') throw new MalformedImage('IHDR must come first');
    first = false;
    if (!METADATA.has(type)) kept.push(input.subarray(i, end));
    if (type === 'IEND') return Buffer.concat(kept);
    i = end;
  }
  throw new MalformedImage('no IEND');
}
