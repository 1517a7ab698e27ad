import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether the production bundle in .next was built from the sources as they are now: a hash of
 * every file that goes into the build, written beside the bundle after a successful build.
 */
const INPUTS = ['app', 'components', 'lib', 'public', 'auth.ts', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const STAMP = '.next/nuanxin-build.stamp';

async function files(root: string, rel: string): Promise<string[]> {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  const entries = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!entries) return [rel];
  const nested = await Promise.all(
    entries.filter((e) => !e.name.startsWith('.')).map((e) => files(root, path.join(rel, e.name))),
  );
  return nested.flat();
}

export async function sourceHash(root: string): Promise<string> {
  const hash = createHash('sha256');
  const all = (await Promise.all(INPUTS.map((i) => files(root, i)))).flat().sort();
  for (const rel of all) {
    hash.update(rel);
    hash.update(await readFile(path.join(root, rel)));
  }
  return hash.digest('hex');
}

export async function buildIsCurrent(root: string): Promise<boolean> {
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp) || !existsSync(path.join(root, '.next/BUILD_ID'))) return false;
  return (await readFile(stamp, 'utf8')).trim() === (await sourceHash(root));
}

export async function writeBuildStamp(root: string, hash: string): Promise<void> {
  await writeFile(path.join(root, STAMP), hash);
}
