import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { currentResident } from '@/lib/auth/current';
import { env } from '@/lib/env';
import { WeChatApiError } from '@/lib/wechat/errors';
import { buildSnsapiBaseAuthorizeUrl, exchangeOAuthCode } from '@/lib/wechat/oauth';
import { linkOpenId, WECHAT_TRIED_COOKIE } from '@/lib/payments/wechat-link';

export const dynamic = 'force-dynamic';

const STATE_COOKIE = 'nx-wx-state';
const cookie = { httpOnly: true, secure: true, sameSite: 'lax' as const, path: '/', maxAge: 600 };

/** Only our own pages: an open redirect here would hand WeChat visitors to anyone. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/pay';
}

/**
 * Silent snsapi_base OAuth inside WeChat: without `code`, send the visitor to WeChat's authorize
 * page; with it, exchange it for the openid and link it to the signed-in resident.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const resident = await currentResident();
  const settings = env().payments;
  const next = safeNext(request.nextUrl.searchParams.get('next'));
  const back = new URL(next, settings.origin);
  if (!resident || !settings.officialAccount) return NextResponse.redirect(back);
  const code = request.nextUrl.searchParams.get('code');
  if (!code) {
    const state = randomBytes(16).toString('hex');
    const redirectUri = `${settings.origin}/api/wechat/oauth?next=${encodeURIComponent(next)}`;
    const response = NextResponse.redirect(buildSnsapiBaseAuthorizeUrl(settings.officialAccount, { redirectUri, state }));
    response.cookies.set(STATE_COOKIE, state, cookie);
    response.cookies.set(WECHAT_TRIED_COOKIE, '1', cookie);
    return response;
  }
  const response = NextResponse.redirect(back);
  response.cookies.delete(STATE_COOKIE);
  if (request.nextUrl.searchParams.get('state') !== request.cookies.get(STATE_COOKIE)?.value) return response;
  try {
    const identity = await exchangeOAuthCode(settings.officialAccount, code);
    await linkOpenId(resident.residentId, settings.officialAccount.appId, identity.openid, new Date());
  } catch (error) {
    // A refused or snapshot-mode visitor simply pays another way; the tried-cookie stops a loop.
    if (!(error instanceof WeChatApiError)) throw error;
    console.warn(`[wechat] snsapi_base failed: ${error.code}`);
  }
  return response;
}
