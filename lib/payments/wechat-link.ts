import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';

/** The resident's openid under the configured official account, once learnt by snsapi_base. */
export async function linkedOpenId(residentId: string): Promise<string | null> {
  const appId = env().payments.channels.wechatpay?.appId;
  if (!appId) return null;
  const { rows } = await pool().query<{ openid: string }>(`SELECT openid FROM wechat_openid WHERE app_id = $1 AND resident_id = $2`, [
    appId,
    residentId,
  ]);
  return rows[0]?.openid ?? null;
}

/** One openid per resident per account, one resident per openid: the latest sign-in wins. */
export async function linkOpenId(residentId: string, appId: string, openid: string, now: Date): Promise<void> {
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM wechat_openid WHERE app_id = $1 AND (resident_id = $2 OR openid = $3)`, [appId, residentId, openid]);
    await client.query(`INSERT INTO wechat_openid (app_id, openid, resident_id, linked_at) VALUES ($1, $2, $3, $4)`, [appId, openid, residentId, now]);
  });
}

/** Set once silent OAuth was attempted, so a refusal never loops the resident through WeChat. */
export const WECHAT_TRIED_COOKIE = 'nx-wx-tried';
