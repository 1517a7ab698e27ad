import { MalformedImage } from './strip-jpeg';

/**
 * HEIC (ISO base media file format): metadata are items of the `meta` box (type `Exif`, or `mime`
 * items such as XMP) whose bytes `iloc` places elsewhere in the file. Rewriting the boxes would
 * mean recomputing every offset, so the metadata items' bytes are overwritten with zeros where
 * they lie: the container stays valid, the image untouched, and nothing of the metadata remains.
 */
interface Box {
  type: string;
  start: number;
  /** Where the payload starts (after size, type and any 64-bit size). */
  body: number;
  end: number;
}

function boxes(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  let i = from;
  while (i + 8 <= to) {
    let size = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    let body = i + 8;
    if (size === 1) {
      if (i + 16 > to) throw new MalformedImage('truncated box');
      size = Number(buf.readBigUInt64BE(i + 8));
      body = i + 16;
    } else if (size === 0) {
      size = to - i;
    }
    if (size < body - i || i + size > to) throw new MalformedImage(`box ${type} runs past its parent`);
    out.push({ type, start: i, body, end: i + size });
    i += size;
  }
  return out;
}

function readUInt(buf: Buffer, at: number, bytes: number): number {
  if (bytes === 0) return 0;
  if (bytes === 2) return buf.readUInt16BE(at);
  if (bytes === 4) return buf.readUInt32BE(at);
  if (bytes === 8) return Number(buf.readBigUInt64BE(at));
  throw new MalformedImage(`unsupported field size ${bytes}`);
}

/** Item ids of metadata items, from `iinf`. */
function metadataItems(buf: Buffer, iinf: Box): Set<number> {
  const version = buf[iinf.body]!;
  const entriesAt = iinf.body + 4 + (version === 0 ? 2 : 4);
  const ids = new Set<number>();
  for (const infe of boxes(buf, entriesAt, iinf.end).filter((b) => b.type === 'infe')) {
    const v = buf[infe.body]!;
    if (v < 2) continue; // Versions 0 and 1 predate typed items and are not used for Exif.
    const idSize = v === 2 ? 2 : 4;
    const id = readUInt(buf, infe.body + 4, idSize);
    const typeAt = infe.body + 4 + idSize + 2;
    const itemType = buf.toString('latin1', typeAt, typeAt + 4);
    if (itemType === 'Exif' || itemType === 'mime' || itemType === 'uri ') ids.add(id);
  }
  return ids;
}

export function stripHeic(input: Buffer): Buffer {
  const out = Buffer.from(input);
  const top = boxes(out, 0, out.length);
  const meta = top.find((b) => b.type === 'meta');
  if (!top[0] || top[0].type !== 'ftyp' || !meta) throw new MalformedImage('not a HEIF file');
  const children = boxes(out, meta.body + 4, meta.end);
  const iinf = children.find((b) => b.type === 'iinf');
  const iloc = children.find((b) => b.type === 'iloc');
  const idat = children.find((b) => b.type === 'idat');
  if (!iinf || !iloc) return out;
  const wanted = metadataItems(out, iinf);
  if (wanted.size === 0) return out;

  const version = out[iloc.body]!;
  let p = iloc.body + 4;
  const sizes = out.readUInt16BE(p);
  p += 2;
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 0xf;
  const baseOffsetSize = (sizes >> 4) & 0xf;
  const indexSize = version === 1 || version === 2 ? sizes & 0xf : 0;
  const itemCount = version < 2 ? out.readUInt16BE(p) : out.readUInt32BE(p);
  p += version < 2 ? 2 : 4;
  for (let n = 0; n < itemCount; n++) {
    const id = version < 2 ? out.readUInt16BE(p) : out.readUInt32BE(p);
    p += version < 2 ? 2 : 4;
    let method = 0;
    if (version === 1 || version === 2) {
      method = out.readUInt16BE(p) & 0xf;
      p += 2;
    }
    p += 2; // data_reference_index
    const base = readUInt(out, p, baseOffsetSize);
    p += baseOffsetSize;
    const extents = out.readUInt16BE(p);
    p += 2;
    for (let e = 0; e < extents; e++) {
      p += indexSize;
      const offset = readUInt(out, p, offsetSize);
      p += offsetSize;
      const length = readUInt(out, p, lengthSize);
      p += lengthSize;
      if (!wanted.has(id)) continue;
      const origin = method === 0 ? 0 : method === 1 && idat ? idat.body : -1;
      if (origin < 0) throw new MalformedImage('metadata stored in a way this server cannot clear');
      const from = origin + base + offset;
      const to = length === 0 ? (method === 1 && idat ? idat.end : out.length) : from + length;
      if (from < 0 || to > out.length || from > to) throw new MalformedImage('metadata extent outside the file');
      out.fill(0, from, to);
    }
  }
  return out;
}
