import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Demo mode only: the secrets a production deployment must supply (AUTH_SECRET, PII keys) are
 * generated once and kept in .data/secrets.json, so encrypted demo data stays readable across runs.
 * A variable already set in the environment always wins.
 */
interface DemoSecrets {
  AUTH_SECRET: string;
  PII_KEYS: string;
  PII_ACTIVE_KEY_ID: string;
  PII_HMAC_KEY: string;
}

export async function ensureDemoSecrets(dataDir: string, target: NodeJS.ProcessEnv): Promise<void> {
  const file = path.join(dataDir, 'secrets.json');
  let secrets: DemoSecrets;
  if (existsSync(file)) {
    secrets = JSON.parse(await readFile(file, 'utf8')) as DemoSecrets;
  } else {
    secrets = {
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      PII_ACTIVE_KEY_ID: 'k1',
      PII_HMAC_KEY: randomBytes(32).toString('base64'),
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  for (const [key, value] of Object.entries(secrets)) target[key] ??= value;
}
