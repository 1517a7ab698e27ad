import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { addComplaintPhoto, PhotoRefused, readPhoto } from '@/lib/complaints/photos/add-photo';
import { boss } from '@/lib/jobs/boss';
import type { Storage } from '@/lib/storage/storage';
import { filing, seedHome, seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

function memoryStorage(): Storage & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return { files, put: async (k, b) => void files.set(k, b), get: async (k) => files.get(k) ?? null };
}

// A minimal JPEG carrying an Exif segment with a location.
const exif = Buffer.from('Exif\0\0GPS 45.7N 126.6E', 'latin1');
const photo = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2]),
  exif,
  Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 1, 2, 3, 0xff, 0xd9]),
]);

describe('complaint photos', () => {
  it('stores the stripped photo and shows it only to the household and the utility’s staff', async () => {
    const town = await seedTown();
    const home = await seedHome(town);
    const neighbour = await seedHome(town);
    const filed = await fileComplaint(filing(home), new Date());
    const storage = memoryStorage();
    const { photoId } = await addComplaintPhoto({ residentId: home.residentId, complaintId: filed.complaintId, bytes: photo, ip: 'test' }, new Date(), storage);
    const [stored] = [...storage.files.values()];
    expect(stored!.toString('latin1')).not.toContain('GPS');

    expect(await readPhoto({ residentId: home.residentId }, photoId, storage)).toMatchObject({ contentType: 'image/jpeg' });
    expect(await readPhoto({ utilityId: town.utilityId }, photoId, storage)).not.toBeNull();
    expect(await readPhoto({ residentId: neighbour.residentId }, photoId, storage)).toBeNull();
    expect(await readPhoto({ utilityId: (await seedTown()).utilityId }, photoId, storage)).toBeNull();
  });

  it('refuses a stranger, a wrong type, an oversized file and a fourth photo', async () => {
    const town = await seedTown();
    const home = await seedHome(town);
    const stranger = await seedHome(town);
    const filed = await fileComplaint(filing(home), new Date());
    const storage = memoryStorage();
    const add = (bytes: Buffer, residentId = home.residentId) =>
      addComplaintPhoto({ residentId, complaintId: filed.complaintId, bytes, ip: 'test' }, new Date(), storage);
    await expect(add(photo, stranger.residentId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(add(Buffer.from('GIF89a'))).rejects.toEqual(new PhotoRefused('photo_type'));
    await expect(add(Buffer.alloc(5 * 1024 * 1024 + 1, 0xff))).rejects.toEqual(new PhotoRefused('photo_size'));
    for (let i = 0; i < 3; i++) await add(photo);
    await expect(add(photo)).rejects.toEqual(new PhotoRefused('photo_count'));
  });
});
