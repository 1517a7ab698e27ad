import { z } from 'zod';
import { hit } from '@/lib/auth/rate-limit';
import { verifyApiKey } from '@/lib/complaints/api-keys';
import { ingestMentions } from '@/lib/complaints/ingest-mentions';
import { AppError } from '@/lib/errors/app-error';
import { zh, en } from '@/lib/i18n/complaints';

/**
 * POST /api/v1/mentions — external text for the surge radar (hotline transcripts, social media).
 *   Authorization: Bearer nxk_…   Content-Type: application/json
 *   { "mentions": [{ "text": "…", "at": "2026-11-25T09:30:00+08:00", "source": "hotline" }, …] }
 * Bad input is always a 4xx with a message in Chinese and English and the fields at fault.
 */
const MAX_BYTES = 1_000_000;
const MAX_AGE_MS = 7 * 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;
const REQUESTS_PER_MINUTE = 120;

const body = z.object({
  mentions: z
    .array(
      z.object({
        text: z.string().trim().min(1, '不能为空 · must not be empty').max(2000, '最多 2000 字 · at most 2000 characters'),
        at: z.iso.datetime({ offset: true, message: '须为带时区的 ISO 8601 时间 · must be an ISO 8601 time with offset' }).optional(),
        source: z.string().max(40).optional(),
      }),
    )
    .min(1, '至少一条 · at least one')
    .max(500, '每批最多 500 条 · at most 500 per batch'),
});

type Code = keyof typeof zh.api;

function problem(status: number, code: Code, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message: zh.api[code], messageEn: en.api[code], ...extra } }, { status, headers });
}

export async function POST(request: Request): Promise<Response> {
  const now = new Date();
  const authorization = request.headers.get('authorization') ?? '';
  const key = authorization.startsWith('Bearer ') ? await verifyApiKey(authorization.slice(7).trim(), now) : null;
  if (!key) return problem(401, 'unauthorized', {}, { 'WWW-Authenticate': 'Bearer' });

  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return problem(415, 'badContentType');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES) return problem(413, 'tooLarge');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BYTES) return problem(413, 'tooLarge');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The one failure JSON.parse has is malformed input.
    return problem(400, 'badJson');
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    return problem(400, 'invalid', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const items = parsed.data.mentions.map((m) => ({ text: m.text, at: m.at ? new Date(m.at) : undefined }));
  const outOfRange = items.findIndex((m) => m.at && (m.at.getTime() > now.getTime() + CLOCK_SKEW_MS || m.at.getTime() < now.getTime() - MAX_AGE_MS));
  if (outOfRange >= 0) {
    return problem(400, 'invalid', { issues: [{ path: `mentions.${outOfRange}.at`, message: '须在过去 7 天内 · must be within the last 7 days' }] });
  }

  try {
    await hit({ key: `mentions:${key.keyId}`, windowSeconds: 60, max: REQUESTS_PER_MINUTE }, now);
    const result = await ingestMentions(key.utilityId, items, now);
    return Response.json(result, { status: 200 });
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') {
      return problem(429, 'rateLimited', {}, { 'Retry-After': String(error.retryAfterSeconds ?? 60) });
    }
    throw error;
  }
}
