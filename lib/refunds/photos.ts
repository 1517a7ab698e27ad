import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { PHOTO_MAX_BYTES, PhotoRefused } from '@/lib/complaints/photos/add-photo';
import { EXTENSION } from '@/lib/complaints/photos/sniff';
import { cleanPhoto, MalformedImage } from '@/lib/complaints/photos/strip-metadata';
import { uploads, type Storage } from '@/lib/storage/storage';

/**
 * Evidence photos of a refund request, handled exactly like complaint photos: type sniffed,
 * metadata (GPS, camera) stripped, stored under a random key, served only to the resident and
 * their utility's staff.
 */
export const PHOTOS_PER_REFUND = 3;

export interface StoredPhoto {
  key: string;
  contentType: string;
  bytes: number;
}

/** Checks and stores the photos before the request's transaction: a file without a row is harmless. */
export async function storeRefundPhotos(photos: readonly Buffer[], storage: Storage = uploads()): Promise<StoredPhoto[]> {
  if (photos.length > PHOTOS_PER_REFUND) throw new PhotoRefused('photo_count');
  const stored: StoredPhoto[] = [];
  for (const raw of photos) {
    if (raw.length === 0 || raw.length > PHOTO_MAX_BYTES) throw new PhotoRefused('photo_size');
    let clean: ReturnType<typeof cleanPhoto>;
    try {
      clean = cleanPhoto(raw);
    } catch (error) {
      if (error instanceof MalformedImage) throw new PhotoRefused('photo_type');
      throw error;
    }
    const key = `photos/refund-${randomBytes(16).toString('hex')}.${EXTENSION[clean.type]}`;
    await storage.put(key, clean.bytes);
    stored.push({ key, contentType: clean.type, bytes: clean.bytes.length });
  }
  return stored;
}

export async function insertRefundPhotos(client: pg.PoolClient, refundId: string, photos: readonly StoredPhoto[], now: Date): Promise<void> {
  for (const p of photos) {
    await client.query(
      `INSERT INTO refund_photo (refund_id, storage_key, content_type, bytes, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [refundId, p.key, p.contentType, p.bytes, now],
    );
  }
}

export async function listRefundPhotos(refundId: string): Promise<{ id: string; contentType: string }[]> {
  const { rows } = await pool().query<{ id: string; content_type: string }>(
    `SELECT id, content_type FROM refund_photo WHERE refund_id = $1 ORDER BY created_at, id`,
    [refundId],
  );
  return rows.map((r) => ({ id: r.id, contentType: r.content_type }));
}

/** The photo's bytes for the resident who asked or staff of the utility; else null. */
export async function readRefundPhoto(
  viewer: { residentId: string } | { utilityId: string },
  photoId: string,
  storage: Storage = uploads(),
): Promise<{ contentType: string; bytes: Buffer } | null> {
  const { rows } = await pool().query<{ storage_key: string; content_type: string }>(
    `SELECT p.storage_key, p.content_type FROM refund_photo p JOIN refund_request r ON r.id = p.refund_id
     WHERE p.id = $1 AND (($2::uuid IS NOT NULL AND r.resident_id = $2) OR ($3::uuid IS NOT NULL AND r.utility_id = $3))`,
    [photoId, 'residentId' in viewer ? viewer.residentId : null, 'utilityId' in viewer ? viewer.utilityId : null],
  );
  const row = rows[0];
  if (!row) return null;
  const bytes = await storage.get(row.storage_key);
  return bytes ? { contentType: row.content_type, bytes } : null;
}
