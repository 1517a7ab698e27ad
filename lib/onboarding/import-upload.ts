import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OnboardingMessages } from '@/lib/i18n/onboarding';
import { utilityCode } from './batches';
import { importLegacyFile } from './import-file';
import type { ImportSummary } from './report';

/** What the upload route answers: the report, or a message in the staff member's language. */
export interface ImportResponse {
  error?: string;
  fieldErrors?: Record<string, string>;
  summary?: ImportSummary;
}

export interface UploadedImport {
  utilityId: string;
  staffId: string;
  ip: string;
  fileName: string;
  file: Uint8Array;
  mapping: Uint8Array;
  dryRun: boolean;
  now: Date;
  messages: OnboardingMessages;
}

/**
 * A legacy file uploaded from the staff console, imported exactly as the command line does: the
 * importer streams from disk, so the upload is written to a private temporary folder that is
 * removed afterwards, whatever happens.
 */
export async function importUpload(u: UploadedImport): Promise<ImportSummary> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-upload-'));
  try {
    const fileName = path.basename(u.fileName || 'upload.csv');
    const filePath = path.join(dir, `upload${path.extname(fileName).toLowerCase()}`);
    const mappingPath = path.join(dir, 'mapping.csv');
    await writeFile(filePath, u.file);
    await writeFile(mappingPath, u.mapping);
    return await importLegacyFile({
      filePath, fileName, mappingPath, utilityCode: await utilityCode(u.utilityId), dryRun: u.dryRun, now: u.now,
      staffId: u.staffId, ip: u.ip, storeReportCsv: true, messages: u.messages,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
