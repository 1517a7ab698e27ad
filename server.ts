/**
 * Nuanxin's HTTPS server: Next's request handler behind TLS 1.3 only, plus a plain-HTTP listener
 * that answers nothing but a redirect to HTTPS. Run by scripts/start.ts, or directly with
 * `tsx server.ts` when DATABASE_URL and the secrets are in the environment.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import next from 'next';
import { parseEnv } from './lib/env';
import { startJobRunner } from './lib/jobs/runner';
import { bodyCheck, refuseUndecodableAction } from './lib/server/action-body';
import { ACTION_BODY_LIMIT, actionGuard, builtActionIds, builtRouteHandlers, refuseMalformedPath } from './lib/server/action-guard';
import { inFlightLimit } from './lib/server/in-flight';
import { leanRead } from './lib/server/lean-reads';
import { applySecurityHeaders, weChatScriptSources } from './lib/server/security-headers';
import { speechConfig, speechConnectSources } from './lib/speech/config';
import { loadTls } from './lib/server/tls';

export interface RunningServer {
  /** The HTTPS port, or the plain-HTTP port behind a proxy (TLS_MODE=proxy). */
  httpsPort: number;
  httpPort: number;
  close(): Promise<void>;
}

export async function startServer(options: { dev?: boolean; dir?: string } = {}): Promise<RunningServer> {
  const env = parseEnv(process.env);
  const dev = options.dev ?? false;
  const dir = options.dir ?? process.cwd();
  const app = next({ dev, dir, hostname: env.HOST, port: env.HTTPS_PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const connectSources = speechConnectSources(speechConfig());

  const refuseBadAction = actionGuard(builtActionIds(dir, dev));
  const routeHandlers = builtRouteHandlers(dir, dev);
  const answeredLean = leanRead(env.AUTH_SECRET);
  const renders = inFlightLimit({ limit: env.RENDERS_IN_FLIGHT, maxQueue: env.RENDER_QUEUE_MAX, maxWaitMs: env.RENDER_QUEUE_WAIT_MS });
  let stopping = false;
  const inFlight = new Set<http.ServerResponse>();
  const proxied = env.TLS_MODE === 'proxy';
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    req.headers['x-forwarded-for'] = clientAddress(req, proxied);
    req.headers['x-forwarded-proto'] = 'https';
    // While stopping, keep-alive connections are closed after their answer so clients reconnect elsewhere.
    if (stopping) res.setHeader('connection', 'close');
    applySecurityHeaders(req, res, dev, {
      connect: connectSources,
      formActions: env.payments.formActionOrigins,
      scripts: weChatScriptSources(req.headers['user-agent'], env.payments.officialAccount !== null),
    });
    if (refuseMalformedPath(req, res) || refuseBadAction(req, res) || answeredLean(req, res)) return;
    const check = bodyCheck(req, routeHandlers);
    // Page loads wait their turn (in-flight.ts); posts are never held back.
    if (!check) return renders.admit(req, res, () => void toNext(req, res));
    // An action's body is read and checked first; Next then reads it as it arrived.
    refuseUndecodableAction(req, res, ACTION_BODY_LIMIT, check).then(
      (refused) => {
        if (!refused) void toNext(req, res);
      },
      (error: unknown) => unavailable(res, error),
    );
  };
  const toNext = (req: http.IncomingMessage, res: http.ServerResponse) => handle(req, res).catch((error: unknown) => unavailable(res, error));
  // TLS_MODE=proxy: a trusted reverse proxy terminated TLS 1.3 and forwards plain HTTP here.
  const main = proxied
    ? http.createServer(onRequest)
    : https.createServer({ ...(await loadTls({ certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE, dir: path.join(dir, '.data/tls') })), minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' }, onRequest);
  main.headersTimeout = 20_000;
  main.requestTimeout = 30_000;
  main.keepAliveTimeout = 10_000;

  const redirect = http.createServer((req, res) => {
    const host = (req.headers.host ?? env.HOST).replace(/:\d+$/, '');
    const port = env.HTTPS_PORT === 443 ? '' : `:${env.HTTPS_PORT}`;
    res.writeHead(308, { location: `https://${host}${port}${req.url ?? '/'}`, 'content-length': '0' });
    res.end();
  });

  const jobs = env.JOBS === '1' ? await startJobRunner(env.DATABASE_URL) : null;

  await new Promise<void>((resolve) => main.listen(proxied ? env.PORT : env.HTTPS_PORT, env.HOST, resolve));
  const redirecting = !proxied && env.HTTP_PORT > 0;
  if (redirecting) await new Promise<void>((resolve) => redirect.listen(env.HTTP_PORT, env.HOST, resolve));
  const httpsPort = (main.address() as { port: number }).port;
  const httpPort = redirecting ? (redirect.address() as { port: number }).port : 0;

  return {
    httpsPort,
    httpPort,
    async close() {
      // Stop accepting, let requests in flight finish, then drop idle keep-alive sockets.
      stopping = true;
      // Answers still to come close their connection: the client reconnects to another process.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const closing = Promise.all([
        new Promise((resolve) => main.close(resolve)),
        new Promise((resolve) => (redirect.listening ? redirect.close(resolve) : resolve(undefined))),
      ]);
      main.closeIdleConnections();
      redirect.closeIdleConnections();
      const force = setTimeout(() => main.closeAllConnections(), 10_000);
      await closing;
      clearTimeout(force);
      // Running jobs finish (or go back to the queue when pg-boss's wait runs out): none is lost.
      await jobs?.stop();
      await app.close();
    },
  };
}

function unavailable(res: http.ServerResponse, error: unknown): void {
  console.error('[server] unhandled request error:', error);
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('服务暂时不可用 · Service unavailable');
}

/**
 * The address a request came from. As the edge, the socket's address: a client's own
 * X-Forwarded-For is never trusted. Behind the proxy, the address the proxy saw, which it appends
 * last (nginx: `X-Forwarded-For $remote_addr`, overwriting whatever the client sent).
 */
function clientAddress(req: http.IncomingMessage, proxied: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return (proxied && last) || req.socket.remoteAddress || 'unknown';
}

function runWorker(): void {
  startServer({ dev: process.env.NODE_ENV === 'development' }).then(
    (server) => {
      const host = process.env.HOST ?? '127.0.0.1';
      if (!cluster.isWorker || cluster.worker?.id === 1) {
        const shown = host === '127.0.0.1' ? 'localhost' : host;
        console.info(
          process.env.TLS_MODE === 'proxy'
            ? `Nuanxin is ready behind the proxy: http://${shown}:${server.httpsPort} serves ${process.env.PUBLIC_ORIGIN}`
            : `Nuanxin is ready: https://${shown}:${server.httpsPort}`,
        );
      }
      const stop = () => {
        // Bounded: a request or job that will not finish must not keep a stopping pod alive.
        const limit = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 20) * 1000;
        setTimeout(() => {
          console.error('[server] shutdown took too long; exiting');
          process.exit(1);
        }, limit).unref();
        server
          .close()
          .then(async () => {
            const { closeDb } = await import('./lib/db/client');
            await closeDb();
            process.exit(0);
          })
          .catch((error: unknown) => {
            console.error('[server] shutdown failed:', error);
            process.exit(1);
          });
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/**
 * WEB_CONCURRENCY > 1 runs that many server processes sharing the ports (Node cluster). Nothing
 * that matters lives in a process's memory — sessions, limits, jobs are in PostgreSQL — so any
 * process can serve any request. A process that dies is replaced; SIGTERM stops them all gracefully.
 */
function runPrimary(workers: number): void {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[server] process ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Exits when the process that started this server is gone (see lib/runtime/spawn-server.ts). */
function exitWithParent(parentPid: number): void {
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      console.error('[server] the process that started this server is gone; stopping');
      process.kill(process.pid, 'SIGTERM');
    }
  }, 2000).unref();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const parent = Number(process.env.NUANXIN_PARENT_PID);
  if (parent && cluster.isPrimary) exitWithParent(parent);
  const workers = Number(process.env.WEB_CONCURRENCY ?? 1);
  if (cluster.isPrimary && workers > 1) runPrimary(workers);
  else runWorker();
}
