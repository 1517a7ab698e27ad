import path from 'node:path';
import { openLocalDatabase, type LocalDatabase } from '@/lib/db/local';
import { ensureDemoSecrets } from './secrets';

/**
 * For command-line tools (bill run, import, benchmarks): the same database and secrets `npm start`
 * uses — DATABASE_URL with the configured secrets, or the embedded demo database and its secrets.
 */
export async function openCliDatabase(root = process.cwd()): Promise<LocalDatabase> {
  if (!process.env.DATABASE_URL || process.env.NUANXIN_DEMO === '1') {
    await ensureDemoSecrets(path.join(root, '.data'), process.env);
  }
  const db = await openLocalDatabase({ log: () => undefined });
  process.env.DATABASE_URL = db.url;
  return db;
}
