import { z } from 'zod';
import { hit } from '@/lib/auth/rate-limit';
import { env } from '@/lib/env';
import { AppError, HTTP_STATUS } from '@/lib/errors/app-error';
import { requestMeta } from '@/lib/http/request-context';
import { WeChatApiError } from '@/lib/wechat/errors';
import { postgresTokenCache } from '@/lib/wechat/postgres-token-cache';
import { pageUrlToSign, signPageForJsSdk } from '@/lib/wechat/sign-page';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ url: z.string().min(1).max(2000) });

/**
 * wx.config for the page a WeChat visitor is on (voice input through the JS-SDK). Only inside
 * WeChat, only when an official account is configured, only for this site's own pages.
 */
export async function POST(request: Request): Promise<Response> {
  const account = env().payments.officialAccount;
  const meta = await requestMeta();
  if (!account || !meta.wechat) return Response.json({ available: false }, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  const page = body.success ? pageUrlToSign(body.data.url, env().payments.origin) : { ok: false as const };
  if (!page.ok) return Response.json({ available: true, error: 'invalid_input' }, { status: 400 });
  const now = new Date();
  try {
    await hit({ key: `wechat-jssdk:${meta.ip}`, windowSeconds: 3600, max: 120 }, now);
    const config = await signPageForJsSdk({ config: account, cache: postgresTokenCache, url: page.url, now });
    return Response.json({ available: true, ...config }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof WeChatApiError) {
      console.error(`[wechat] jsapi_ticket unavailable: ${error.code} ${error.message}`);
      return Response.json({ available: true, error: 'unavailable' }, { status: HTTP_STATUS.unavailable });
    }
    if (!(error instanceof AppError)) throw error;
    const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return Response.json({ available: true, error: error.code }, { status: HTTP_STATUS[error.code], headers });
  }
}
