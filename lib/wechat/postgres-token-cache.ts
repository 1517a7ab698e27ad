import { pool } from '@/lib/db/client';
import type { WeChatTokenCache } from './tokens';

/** The WeChat token cache in PostgreSQL (wechat_token_cache), shared by every server process. */
export const postgresTokenCache: WeChatTokenCache = {
  async get(key, now) {
    const { rows } = await pool().query<{ value: string }>(`SELECT value FROM wechat_token_cache WHERE key = $1 AND expires_at > $2`, [key, now]);
    return rows[0]?.value ?? null;
  },
  async set(key, value, expiresAt) {
    await pool().query(
      `INSERT INTO wechat_token_cache (key, value, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
      [key, value, expiresAt],
    );
  },
  async delete(key) {
    await pool().query(`DELETE FROM wechat_token_cache WHERE key = $1`, [key]);
  },
};
