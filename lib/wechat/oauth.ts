import { z } from 'zod';
import type { WeChatOfficialAccountConfig } from './config';
import { WeChatApiError } from './errors';
import { getWeChatJson } from './http';

// Only snsapi_base: it is silent, returns just the openid WeChat Pay needs, and never sends
// a visitor into the snapshot page that snsapi_userinfo shows to non-followers.
const SCOPE = 'snsapi_base';
const STATE = /^[A-Za-z0-9]{1,128}$/;

export function buildSnsapiBaseAuthorizeUrl(
  config: Pick<WeChatOfficialAccountConfig, 'appId' | 'authorizeBaseUrl'>,
  input: { redirectUri: string; state: string },
): string {
  if (!STATE.test(input.state)) throw new RangeError('OAuth state is 1–128 letters or digits');
  // WeChat checks the parameter order and needs the #wechat_redirect fragment.
  return (
    `${config.authorizeBaseUrl.replace(/\/+$/, '')}/connect/oauth2/authorize` +
    `?appid=${encodeURIComponent(config.appId)}` +
    `&redirect_uri=${encodeURIComponent(input.redirectUri)}` +
    `&response_type=code&scope=${SCOPE}` +
    `&state=${input.state}#wechat_redirect`
  );
}

const tokenSchema = z.object({
  openid: z.string().min(1),
  scope: z.string().optional(),
  unionid: z.string().optional(),
  is_snapshotuser: z.number().optional(),
});

export interface OAuthIdentity {
  openid: string;
  unionid: string | null;
}

// The web access_token that comes with the openid is dropped: snsapi_base grants nothing
// else worth keeping.
export async function exchangeOAuthCode(config: WeChatOfficialAccountConfig, code: string): Promise<OAuthIdentity> {
  const url = new URL(`${config.apiBaseUrl.replace(/\/+$/, '')}/sns/oauth2/access_token`);
  url.searchParams.set('appid', config.appId);
  url.searchParams.set('secret', config.appSecret);
  url.searchParams.set('code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  const answer = await getWeChatJson(url, tokenSchema, config.timeoutMs);
  // A snapshot-mode openid is virtual and cannot pay; it must not be linked to a resident.
  if (answer.is_snapshotuser === 1) {
    throw new WeChatApiError('snapshot_user', 'The visitor is in WeChat snapshot mode');
  }
  return { openid: answer.openid, unionid: answer.unionid ?? null };
}
