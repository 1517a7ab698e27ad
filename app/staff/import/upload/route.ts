import { z } from 'zod';
import { currentStaff } from '@/lib/auth/current';
import { AppError, HTTP_STATUS } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { isSameOrigin, readBodyWithin } from '@/lib/http/limited-body';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { onboardingMessages } from '@/lib/i18n/onboarding';
import { ImportFileError } from '@/lib/onboarding/import-error';
import { importUpload, type ImportResponse } from '@/lib/onboarding/import-upload';
import { MAPPING_LIMIT_BYTES, UPLOAD_LIMIT_BYTES, UPLOAD_LIMIT_TEXT } from '@/lib/onboarding/limits';
import { problemMessage } from '@/lib/onboarding/problem-message';

/**
 * POST /staff/import/upload — the legacy file and its mapping from the console's form, as
 * multipart. A route handler rather than a server action, so that only this request may carry
 * 10 MB (server actions keep Next's 1 MB limit). Answers JSON: the report, or a message in the
 * staff member's language. The body is counted while it streams and cut off past the limit.
 */
/** The two files plus the multipart boundaries and the small fields around them. */
const BODY_LIMIT = UPLOAD_LIMIT_BYTES + MAPPING_LIMIT_BYTES + 64 * 1024;

const upload = z.instanceof(File).refine((f) => f.size > 0);

const answer = (body: ImportResponse, status = 200): Response =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const { locale, t } = await preferences();
  const m = onboardingMessages(locale);
  // Only our own page may post here (the session cookie is SameSite=Lax as well).
  if (!isSameOrigin(request)) return answer({ error: t.errors.forbidden }, 403);
  const staff = await currentStaff();
  if (!staff) return answer({ error: t.errors.unauthenticated }, 401);
  if (staff.role !== 'ADMIN') return answer({ error: t.errors.forbidden }, 403);

  const tooLarge = answer({ error: fill(m.problem.file_too_large, { limit: UPLOAD_LIMIT_TEXT }) }, 413);
  const body = await readBodyWithin(request, BODY_LIMIT);
  if (!body) return tooLarge;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    // Not a multipart form: the sender's mistake, answered as such.
    return answer({ error: t.errors.invalid_input }, 400);
  }
  const parsed = z
    .object({ file: upload, mapping: upload, dryRun: z.enum(['on']).optional() })
    .safeParse({ file: form.get('file'), mapping: form.get('mapping'), dryRun: form.get('dryRun') ?? undefined });
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors;
    const fieldErrors: Record<string, string> = {};
    if (fields.file) fieldErrors.file = m.page.fileRequired;
    if (fields.mapping) fieldErrors.mapping = m.page.mappingRequired;
    if (fields.dryRun) fieldErrors.dryRun = t.errors.invalid_input;
    return answer({ fieldErrors }, 400);
  }
  const { file, mapping, dryRun } = parsed.data;
  if (file.size > UPLOAD_LIMIT_BYTES) return tooLarge;
  if (mapping.size > MAPPING_LIMIT_BYTES) return answer({ error: fill(m.problem.file_too_large, { limit: '1 MB' }) }, 413);
  try {
    const summary = await importUpload({
      utilityId: staff.utilityId, staffId: staff.staffId, ip: (await requestMeta()).ip, fileName: file.name,
      file: new Uint8Array(await file.arrayBuffer()), mapping: new Uint8Array(await mapping.arrayBuffer()),
      dryRun: dryRun === 'on', now: new Date(), messages: m,
    });
    return answer({ summary });
  } catch (error) {
    if (error instanceof ImportFileError) return answer({ error: problemMessage(error, m) }, 422);
    // A known failure keeps its status; anything else is logged by userMessage and shown as busy.
    return answer({ error: userMessage(error, t) }, error instanceof AppError ? HTTP_STATUS[error.code] : 503);
  }
}
