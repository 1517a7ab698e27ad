/**
 * The framework's floor for `npm run bench`: the baseline's bill lookup as the smallest dynamic
 * Next.js page there is — one root layout, one server component reading the query and running the
 * same statement through pg, plain HTTP, `next start`. No session, no TLS, no header or footer, no
 * client components. Whatever a signed-in Nuanxin page costs on top of this is Nuanxin's; this much
 * is Next's own, in the same run and on the same machine.
 *
 * Written into .data/bench-floor (ignored by git, TypeScript and lint) and built there with the
 * project's own Next.js; rebuilt only when these sources or Next.js change.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

const SOURCES: Record<string, string> = {
  'next.config.mjs': `export default { serverExternalPackages: ['pg'] };\n`,
  'app/layout.js': `export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.js': `import pg from 'pg';

const pool = (globalThis.floorPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));

export default async function Page({ searchParams }) {
  const { account = '' } = await searchParams;
  const { rows } = await pool.query(
    'SELECT id, season, status, principal_fen::text AS principal_fen FROM bill WHERE account_id = $1',
    [account],
  );
  return (
    <ul>
      {rows.map((r) => (
        <li key={r.id}>
          {r.season} {r.status} {r.principal_fen}
        </li>
      ))}
    </ul>
  );
}
`,
};

const STAMP = '.next/floor.stamp';

function nextBin(root: string): string {
  return path.join(root, 'node_modules/next/dist/bin/next');
}

/** Writes the floor app and builds it unless the build on disk came from the same sources. */
export async function buildNextFloor(root: string): Promise<string> {
  const dir = path.join(root, '.data/bench-floor');
  const hash = createHash('sha256');
  // A new Next.js gets a new build.
  hash.update(await readFile(path.join(root, 'node_modules/next/package.json')));
  for (const [file, text] of Object.entries(SOURCES)) hash.update(file).update(text);
  const digest = hash.digest('hex');
  const stamp = path.join(dir, STAMP);
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === digest) return dir;
  for (const [file, text] of Object.entries(SOURCES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, [nextBin(root), 'build', dir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
      .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build of the floor page exited ${code}`)))),
  );
  await writeFile(stamp, digest);
  return dir;
}

/** `next start` on the floor app, plain HTTP on loopback. */
export function startNextFloor(root: string, dir: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin(root), 'start', dir, '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
