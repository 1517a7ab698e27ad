/**
 * Removes metadata from a JPEG by walking its segments: APP1 (Exif with GPS, XMP), APP13 (IPTC),
 * comments and every other application segment go; JFIF (APP0), the colour profile (APP2
 * ICC_PROFILE) and Adobe's colour-transform flag (APP14) stay, because decoders need them. The
 * compressed image after the start-of-scan is copied unchanged.
 */
export class MalformedImage extends Error {}

export function stripJpeg(input: Buffer): Buffer {
  if (input[0] !== 0xff || input[1] !== 0xd8) throw new MalformedImage('not a JPEG');
  const kept: Buffer[] = [input.subarray(0, 2)];
  let i = 2;
  while (i < input.length) {
    if (input[i] !== 0xff) throw new MalformedImage(`expected a marker at ${i}`);
    const marker = input[i + 1];
    if (marker === undefined) throw new MalformedImage('truncated');
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // Markers without a length.
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(input.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (marker === 0xd9) {
      kept.push(input.subarray(i, i + 2));
      return Buffer.concat(kept);
    }
    if (i + 4 > input.length) throw new MalformedImage('truncated segment header');
    const length = input.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > input.length) throw new MalformedImage('segment runs past the end');
    if (marker === 0xda) {
      // Start of scan: the rest is entropy-coded data (and any later scans); keep it as is.
      kept.push(input.subarray(i));
      return Buffer.concat(kept);
    }
    if (keepSegment(marker, input.subarray(i + 4, end))) kept.push(input.subarray(i, end));
    i = end;
  }
  throw new MalformedImage('no image data');
}

function keepSegment(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0) return payload.toString('latin1', 0, 5) === 'JFIF\0';
  if (marker === 0xe2) return payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return payload.toString('latin1', 0, 5) === 'Adobe';
  // Other APPn and comments carry metadata; everything else (tables, frame headers) is image.
  return !(marker >= 0xe1 && marker <= 0xef) && marker !== 0xfe;
}
