import { hit } from '@/lib/auth/rate-limit';
import { AppError, HTTP_STATUS } from '@/lib/errors/app-error';
import { requestMeta } from '@/lib/http/request-context';
import { speechConfig } from '@/lib/speech/config';
import { issueSpeechToken } from '@/lib/speech/issue-token';

export const dynamic = 'force-dynamic';

/** A 10-minute Azure Speech token for this browser; the subscription key never leaves the server. */
export async function POST(): Promise<Response> {
  const config = speechConfig();
  if (!config) return Response.json({ available: false }, { status: 404 });
  try {
    const { ip } = await requestMeta();
    await hit({ key: `speech-token:${ip}`, windowSeconds: 3600, max: 60 }, new Date());
    const token = await issueSpeechToken(config);
    return Response.json({ available: true, ...token }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'unavailable') console.error('[speech]', error.detail);
    const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return Response.json({ available: true, error: error.code }, { status: HTTP_STATUS[error.code], headers });
  }
}
