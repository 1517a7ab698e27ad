import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureSelfSigned } from '@/lib/server/tls';

/**
 * Starts server.ts in its own process. With the self-signed certificate, the process is told to
 * trust it (NODE_EXTRA_CA_CERTS): Next fetches its own pages over HTTPS when a server action
 * redirects, and would otherwise refuse its own certificate.
 */
export async function spawnServer(root: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<ChildProcess> {
  const extra: Record<string, string> = {};
  if (!env.TLS_CERT_FILE) {
    const { certPath } = await ensureSelfSigned(path.join(root, '.data/tls'));
    extra.NODE_EXTRA_CA_CERTS = certPath;
  }
  // The server stops by itself if whoever started it dies without stopping it (a killed test run).
  extra.NUANXIN_PARENT_PID = String(process.pid);
  return spawn(process.execPath, [...heapLimit(env), ...nodeArgs, '--import', 'tsx', path.join(root, 'server.ts')], {
    cwd: root,
    env: { ...env, ...extra },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * V8's old-space limit per server process (HEAP_LIMIT_MB, default 320): left alone, V8 grows the
 * heap towards its default of several GB before collecting hard, and a process that rendered a
 * burst of pages keeps that memory. Cluster workers inherit the flag. A limit already in
 * NODE_OPTIONS wins.
 */
export function heapLimit(env: Record<string, string | undefined>): string[] {
  if (env.NODE_OPTIONS?.includes('--max-old-space-size')) return [];
  return [`--max-old-space-size=${Number(env.HEAP_LIMIT_MB ?? 320)}`];
}

export function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    // A process ended by a signal has no exit code, only a signalCode: it has exited all the same.
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode ?? 1) : child.once('exit', (code) => resolve(code ?? 1)),
  );
}
