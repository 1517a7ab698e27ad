import { sniffPhoto, type PhotoType } from './sniff';
import { stripHeic } from './strip-heic';
import { MalformedImage, stripJpeg } from './strip-jpeg';
import { stripPng } from './strip-png';

export { MalformedImage };

/** A photo as it may be stored: a known type, with its metadata (location, device, time) removed. */
export function cleanPhoto(bytes: Buffer): { type: PhotoType; bytes: Buffer } {
  const type = sniffPhoto(bytes);
  if (!type) throw new MalformedImage('not a JPEG, PNG or HEIC photo');
  const clean = type === 'image/jpeg' ? stripJpeg(bytes) : type === 'image/png' ? stripPng(bytes) : stripHeic(bytes);
  return { type, bytes: clean };
}
