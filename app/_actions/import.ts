'use server';

import { formInput } from '@/lib/http/action-input';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/current';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { onboardingMessages } from '@/lib/i18n/onboarding';
import { utilityCode } from '@/lib/onboarding/batches';
import { ImportFileError } from '@/lib/onboarding/import-error';
import { importLegacyFile } from '@/lib/onboarding/import-file';
import { MAPPING_LIMIT_BYTES, UPLOAD_LIMIT_BYTES, UPLOAD_LIMIT_TEXT } from '@/lib/onboarding/limits';
import { problemMessage } from '@/lib/onboarding/problem-message';
import type { ImportSummary } from '@/lib/onboarding/report';

export interface ImportState {
  error?: string;
  fieldErrors?: Record<string, string>;
  summary?: ImportSummary;
}

const upload = z.instanceof(File).refine((f) => f.size > 0);

export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  formData = formInput(formData);
  const staff = await requireStaff(['ADMIN']);
  const { locale } = await preferences();
  const m = onboardingMessages(locale);
  const parsed = z
    .object({ file: upload, mapping: upload, dryRun: z.enum(['on']).optional() })
    .safeParse({ file: formData.get('file'), mapping: formData.get('mapping'), dryRun: formData.get('dryRun') ?? undefined });
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors;
    const fieldErrors: Record<string, string> = {};
    if (fields.file) fieldErrors.file = m.page.fileRequired;
    if (fields.mapping) fieldErrors.mapping = m.page.mappingRequired;
    return { fieldErrors };
  }
  const { file, mapping, dryRun } = parsed.data;
  if (file.size > UPLOAD_LIMIT_BYTES || mapping.size > MAPPING_LIMIT_BYTES) {
    return { error: fill(m.problem.file_too_large, { limit: file.size > UPLOAD_LIMIT_BYTES ? UPLOAD_LIMIT_TEXT : '1 MB' }) };
  }
  // The importer streams from disk, the same path as the command line.
  const dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-upload-'));
  try {
    const fileName = path.basename(file.name || 'upload.csv');
    const filePath = path.join(dir, `upload${path.extname(fileName).toLowerCase()}`);
    const mappingPath = path.join(dir, 'mapping.csv');
    await writeFile(filePath, Buffer.from(await file.arrayBuffer()));
    await writeFile(mappingPath, Buffer.from(await mapping.arrayBuffer()));
    const { ip } = await requestMeta();
    const summary = await importLegacyFile({
      filePath, fileName, mappingPath, utilityCode: await utilityCode(staff.utilityId), dryRun: dryRun === 'on', now: new Date(),
      staffId: staff.staffId, ip, storeReportCsv: true, messages: m,
    });
    revalidatePath('/staff/import');
    return { summary };
  } catch (error) {
    if (error instanceof ImportFileError) return { error: problemMessage(error, m) };
    const { t } = await preferences();
    return { error: userMessage(error, t) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
