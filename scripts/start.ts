/**
 * `npm start`: everything a fresh machine needs to serve Nuanxin.
 * - No DATABASE_URL: an embedded PostgreSQL under .data/pg, demo secrets and demo data.
 * - Applies migrations, builds the production bundle when the sources changed, then serves
 *   https://HOST:HTTPS_PORT (TLS 1.3 only) and redirects http://HOST:HTTP_PORT to it.
 * - Ctrl-C / SIGTERM: finishes requests in flight, closes the pool, stops the embedded database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openLocalDatabase } from '../lib/db/local';
import { migrateDeploy } from '../lib/db/prisma-cli';
import { buildIsCurrent, sourceHash, writeBuildStamp } from '../lib/runtime/build-stamp';
import { ensureDemoSecrets } from '../lib/runtime/secrets';
import { exited, spawnServer } from '../lib/runtime/spawn-server';

const root = process.cwd();
const dev = process.argv.includes('--dev');

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: root });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const demo = !process.env.DATABASE_URL || process.env.NUANXIN_DEMO === '1';
  if (demo) {
    process.env.NUANXIN_DEMO = '1';
    await ensureDemoSecrets(path.join(root, '.data'), process.env);
  }
  // Next reads NODE_ENV; the typings mark it read-only.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? 'development' : 'production') });

  const db = await openLocalDatabase({ log: () => undefined });
  process.env.DATABASE_URL = db.url;
  console.info(db.embedded ? `Embedded PostgreSQL at ${db.url.replace(/:[^:@/]+@/, ':***@')}` : 'Using DATABASE_URL');
  await migrateDeploy(db.url, root);

  if (demo) {
    const { demoLogins, demoSeeded, seedDemo } = await import('../lib/seed/demo');
    const logins = (await demoSeeded()) ? demoLogins() : await seedDemo();
    console.info('\nDemo sign-ins (one-time codes are shown on the sign-in page in demo mode):');
    for (const r of logins.residents) console.info(`  resident  ${r.phone}  ${r.name}（${r.note}）`);
    for (const s of logins.staff) console.info(`  staff     ${s.username} / ${logins.password}  (${s.role})`);
    console.info(`  mentions  POST /api/v1/mentions  Authorization: Bearer ${logins.mentionsApiKey}`);
  }

  if (!dev && !(await buildIsCurrent(root))) {
    console.info('\nBuilding the production bundle…');
    const hash = await sourceHash(root);
    await run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], process.env);
    await writeBuildStamp(root, hash);
  }

  const server = await spawnServer(root, process.env);
  let stopping = false;
  // The server finishes its requests in flight on SIGTERM; the database stops after it.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.info(`\n${signal}: shutting down…`);
    server.kill('SIGTERM');
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const code = await exited(server);
  await db.stop();
  process.exit(stopping ? 0 : code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
