import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs the Prisma CLI offline: the JavaScript schema engine configured in prisma.config.ts and a
 * preload that lets the CLI exit as soon as its work is done (see shared/STACK.md).
 */
export function runPrismaCli(args: string[], databaseUrl: string, root = process.cwd()): Promise<number> {
  const cli = path.join(root, 'node_modules/prisma/build/index.js');
  const preload = path.join(root, 'scripts/prisma-preload.cjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, cli, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', PRISMA_HIDE_PREVIEW_FLAG_WARNINGS: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

export async function migrateDeploy(databaseUrl: string, root?: string): Promise<void> {
  const code = await runPrismaCli(['migrate', 'deploy'], databaseUrl, root);
  if (code !== 0) throw new Error(`Database migration failed (prisma migrate deploy exited ${code}).`);
}
