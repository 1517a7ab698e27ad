import type http from 'node:http';
import { messages, parseLocale, LOCALE_COOKIE } from '@/lib/i18n';

/**
 * Bounds the page renders running at once in one server process. A render holds its React
 * streams and buffers until the answer is sent; at the heating-season peak hundreds of residents
 * open their bills at the same moment, and rendering all of them at once only multiplies memory
 * (and every answer comes later). Past the limit, first loads wait in arrival order; a queue that
 * is full, or a wait that runs out, gets a 503 with Retry-After instead of a crash or a timeout.
 *
 * Only document loads are bounded: GET/HEAD without the `rsc` header. Form posts (server actions)
 * and in-app navigations pass — a server action that redirects fetches the next page from this
 * very server while it holds its own request, so bounding both could make them wait on each other.
 * Static files and the health check pass too: a load balancer must see a busy process as alive.
 */
export interface InFlightOptions {
  /** Renders at once in this process. */
  limit: number;
  /** Requests allowed to wait; more are turned away at once. */
  maxQueue: number;
  /** How long one may wait, in ms. */
  maxWaitMs: number;
}

interface Waiting {
  res: http.ServerResponse;
  run: () => void;
  timer: NodeJS.Timeout;
}

export interface InFlightStats {
  active: number;
  queued: number;
  refused: number;
}

export function bounded(req: http.IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.headers.rsc !== undefined) return false;
  const url = req.url ?? '/';
  return !url.startsWith('/_next/') && !url.startsWith('/api/health');
}

export function inFlightLimit(options: InFlightOptions): {
  admit(req: http.IncomingMessage, res: http.ServerResponse, run: () => void): void;
  stats(): InFlightStats;
} {
  let active = 0;
  let refused = 0;
  const queue: Waiting[] = [];

  const start = (res: http.ServerResponse, run: () => void) => {
    active++;
    res.once('close', release);
    run();
  };
  function release(): void {
    active--;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      start(next.res, next.run);
    }
  }
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse) => {
    refused++;
    busy(req, res);
  };

  return {
    admit(req, res, run) {
      if (!bounded(req)) return run();
      if (active < options.limit) return start(res, run);
      if (queue.length >= options.maxQueue) return refuse(req, res);
      const waiting: Waiting = {
        res,
        run,
        timer: setTimeout(() => {
          const at = queue.indexOf(waiting);
          if (at >= 0) queue.splice(at, 1);
          refuse(req, res);
        }, options.maxWaitMs),
      };
      queue.push(waiting);
      // A visitor who gave up (closed the tab) leaves the queue.
      res.once('close', () => {
        const at = queue.indexOf(waiting);
        if (at < 0) return;
        queue.splice(at, 1);
        clearTimeout(waiting.timer);
      });
    },
    stats: () => ({ active, queued: queue.length, refused }),
  };
}

function busy(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  const locale = parseLocale(localeCookie(req));
  const t = messages(locale);
  const html = `<!doctype html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.errors.busy}</title></head><body style="font-size:1.25rem;line-height:1.6;margin:1.5rem;font-family:sans-serif"><main><h1 style="font-size:1.75rem">${t.errors.busy}</h1><p><a href="${escapeAttribute(req.url ?? '/')}" style="display:inline-block;min-height:2.75rem;font-size:1.25rem">${t.errors.retry}</a></p></main></body></html>`;
  res.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'retry-after': '5',
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function localeCookie(req: http.IncomingMessage): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(req.headers.cookie ?? '');
  return match?.[1];
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
