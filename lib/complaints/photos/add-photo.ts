import { randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { hit } from '@/lib/auth/rate-limit';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { uploads, type Storage } from '@/lib/storage/storage';
import { appendEvent } from '../events';
import { EXTENSION } from './sniff';
import { cleanPhoto, MalformedImage } from './strip-metadata';

/** A resident adds a photo to their complaint: checked, stripped of metadata, stored, recorded. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_COMPLAINT = 3;

export type PhotoRefusal = 'photo_type' | 'photo_size' | 'photo_count';

export class PhotoRefused extends Error {
  constructor(readonly reason: PhotoRefusal) {
    super(reason);
  }
}

export async function addComplaintPhoto(
  input: { residentId: string; complaintId: string; bytes: Buffer; ip: string },
  now: Date,
  storage: Storage = uploads(),
): Promise<{ photoId: string }> {
  if (input.bytes.length === 0 || input.bytes.length > PHOTO_MAX_BYTES) throw new PhotoRefused('photo_size');
  await hit({ key: `photo:${input.residentId}`, windowSeconds: 3600, max: 30 }, now);
  let clean: ReturnType<typeof cleanPhoto>;
  try {
    clean = cleanPhoto(input.bytes);
  } catch (error) {
    if (error instanceof MalformedImage) throw new PhotoRefused('photo_type');
    throw error;
  }
  const key = `photos/${randomBytes(16).toString('hex')}.${EXTENSION[clean.type]}`;
  // Stored first: a file without a row is harmless, a row without its file is a broken page.
  await storage.put(key, clean.bytes);
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ utility_id: string; work_order_id: string; photos: number }>(
      `SELECT c.utility_id, w.id AS work_order_id, (SELECT count(*)::int FROM complaint_photo p WHERE p.complaint_id = c.id) AS photos
       FROM complaint c
       JOIN resident_account ra ON ra.account_id = c.account_id AND ra.resident_id = $1
       JOIN work_order w ON w.complaint_id = c.id
       WHERE c.id = $2
       FOR UPDATE OF c`,
      [input.residentId, input.complaintId],
    );
    const complaint = rows[0];
    if (!complaint) throw new AppError('not_found', 'complaint');
    if (complaint.photos >= PHOTOS_PER_COMPLAINT) throw new PhotoRefused('photo_count');
    const { rows: inserted } = await client.query<{ id: string }>(
      `INSERT INTO complaint_photo (complaint_id, storage_key, content_type, bytes, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.complaintId, key, clean.type, clean.bytes.length, now],
    );
    const photoId = inserted[0]!.id;
    await appendEvent(client, { workOrderId: complaint.work_order_id, actorKind: 'RESIDENT', actorId: input.residentId, kind: 'photo', visibility: 'PUBLIC' }, now);
    await recordAudit(
      { actorKind: 'RESIDENT', actorId: input.residentId, utilityId: complaint.utility_id, action: 'complaint.photo', entity: 'complaint', entityId: input.complaintId, ip: input.ip, detail: { photoId, type: clean.type, bytes: clean.bytes.length } },
      now,
      client,
    );
    return { photoId };
  });
}

export interface PhotoRef {
  id: string;
  contentType: string;
}

export async function listPhotos(complaintId: string): Promise<PhotoRef[]> {
  const { rows } = await pool().query<{ id: string; content_type: string }>(
    `SELECT id, content_type FROM complaint_photo WHERE complaint_id = $1 ORDER BY created_at`,
    [complaintId],
  );
  return rows.map((r) => ({ id: r.id, contentType: r.content_type }));
}

/** The photo's bytes for its owner (a resident of the account) or staff of the utility; else null. */
export async function readPhoto(
  viewer: { residentId: string } | { utilityId: string },
  photoId: string,
  storage: Storage = uploads(),
): Promise<{ contentType: string; bytes: Buffer } | null> {
  const { rows } = await pool().query<{ storage_key: string; content_type: string }>(
    `SELECT p.storage_key, p.content_type FROM complaint_photo p JOIN complaint c ON c.id = p.complaint_id
     WHERE p.id = $1 AND (
       ($2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM resident_account ra WHERE ra.account_id = c.account_id AND ra.resident_id = $2))
       OR ($3::uuid IS NOT NULL AND c.utility_id = $3))`,
    [photoId, 'residentId' in viewer ? viewer.residentId : null, 'utilityId' in viewer ? viewer.utilityId : null],
  );
  const row = rows[0];
  if (!row) return null;
  const bytes = await storage.get(row.storage_key);
  return bytes ? { contentType: row.content_type, bytes } : null;
}
