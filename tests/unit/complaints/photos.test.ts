import { describe, expect, it } from 'vitest';
import { cleanPhoto, MalformedImage } from '@/lib/complaints/photos/strip-metadata';

const SECRET = 'GPS 45.7569N 126.6424E iPhone';

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from(`Exif\0\0${SECRET}`, 'latin1')),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET}</x:xmpmeta>`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\0${SECRET}`, 'latin1')),
    segment(0xfe, Buffer.from(SECRET, 'latin1')),
    segment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01colour', 'latin1')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from('SCANDATA', 'latin1'),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}

function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.alloc(13, 1)),
    chunk('tEXt', Buffer.from(`Comment\0${SECRET}`, 'latin1')),
    chunk('eXIf', Buffer.from(SECRET, 'latin1')),
    chunk('tIME', Buffer.alloc(7)),
    chunk('IDAT', Buffer.from('PIXELS', 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const fullBox = (version: number) => Buffer.from([version, 0, 0, 0]);

/** ftyp, meta (iinf: item 1 image, item 2 Exif; iloc pointing into mdat), mdat. */
function heic(): Buffer {
  const image = Buffer.from('HEVC-IMAGE-DATA', 'latin1');
  const exif = Buffer.from(`\0\0\0\0Exif\0\0${SECRET}`, 'latin1');
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const infe = (id: number, type: string) => box('infe', fullBox(2), u16(id), u16(0), Buffer.from(type, 'latin1'), Buffer.from('\0'));
  const iinf = box('iinf', fullBox(0), u16(2), infe(1, 'hvc1'), infe(2, 'Exif'));
  const ilocFor = (mdatData: number) =>
    box('iloc', fullBox(0), u16(0x4400), u16(2),
      u16(1), u16(0), u16(1), u32(mdatData), u32(image.length),
      u16(2), u16(0), u16(1), u32(mdatData + image.length), u32(exif.length));
  // The iloc size does not depend on the offsets, so measure once and build again.
  const metaFor = (mdatData: number) => box('meta', fullBox(0), box('hdlr', fullBox(0), u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(13)), iinf, ilocFor(mdatData));
  const mdatData = ftyp.length + metaFor(0).length + 8;
  return Buffer.concat([ftyp, metaFor(mdatData), box('mdat', image, exif)]);
}

describe('photo metadata removal', () => {
  it.each([
    ['JPEG', jpeg, 'image/jpeg', ['JFIF', 'ICC_PROFILE', 'SCANDATA']],
    ['PNG', png, 'image/png', ['IHDR', 'IDAT', 'PIXELS', 'IEND']],
    ['HEIC', heic, 'image/heic', ['ftyp', 'HEVC-IMAGE-DATA', 'iloc']],
  ] as const)('%s: the location and device are gone, the image is kept', (_name, make, type, kept) => {
    const input = make();
    expect(input.toString('latin1')).toContain(SECRET);
    const clean = cleanPhoto(input);
    expect(clean.type).toBe(type);
    const text = clean.bytes.toString('latin1');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('GPS');
    for (const part of kept) expect(text).toContain(part);
  });

  it('keeps a HEIC file the same length, so every offset still holds', () => {
    const input = heic();
    expect(cleanPhoto(input).bytes.length).toBe(input.length);
  });

  it('strips a JPEG to the same bytes twice (idempotent)', () => {
    const once = cleanPhoto(jpeg()).bytes;
    expect(cleanPhoto(once).bytes.equals(once)).toBe(true);
  });

  it.each([
    ['a text file', Buffer.from('hello, not a photo')],
    ['a GIF', Buffer.from('GIF89a\x01\0\x01\0', 'latin1')],
    ['a truncated JPEG', jpeg().subarray(0, 30)],
    ['a PNG without IEND', png().subarray(0, 60)],
  ])('refuses %s', (_name, bytes) => {
    expect(() => cleanPhoto(bytes)).toThrow(MalformedImage);
  });
});
