import { randomBytes } from 'node:crypto';
import type { WeChatOfficialAccountConfig } from './config';
import { buildWxConfig, type WxConfig } from './jssdk';
import { getJsapiTicket, type WeChatTokenCache } from './tokens';

/** The JS-SDK interfaces the voice assistant uses; nothing else is asked of WeChat. */
export const VOICE_JS_API_LIST = ['startRecord', 'stopRecord', 'onVoiceRecordEnd', 'translateVoice'] as const;

export type PageUrlCheck = { ok: true; url: string } | { ok: false };

/**
 * Only pages of this site are signed: a signature is a grant to use the official account's
 * JS-SDK on that URL. The #fragment is not part of what WeChat signs.
 */
export function pageUrlToSign(pageUrl: string, origin: string): PageUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(pageUrl);
  } catch (error) {
    if (error instanceof TypeError) return { ok: false };
    throw error;
  }
  if (parsed.origin !== new URL(origin).origin) return { ok: false };
  return { ok: true, url: pageUrl.split('#')[0] ?? pageUrl };
}

export interface SignedPage extends WxConfig {
  jsApiList: readonly string[];
}

/** wx.config for one page, signed with the jsapi_ticket from the shared cache. */
export async function signPageForJsSdk(
  input: { config: WeChatOfficialAccountConfig; cache: WeChatTokenCache; url: string; now: Date; nonceStr?: string },
): Promise<SignedPage> {
  const jsapiTicket = await getJsapiTicket(input.config, input.cache, input.now);
  const nonceStr = input.nonceStr ?? randomBytes(12).toString('hex');
  const signed = buildWxConfig({ appId: input.config.appId, jsapiTicket, url: input.url, now: input.now, nonceStr });
  return { ...signed, jsApiList: VOICE_JS_API_LIST };
}
