import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { inFlightLimit, type InFlightOptions } from '@/lib/server/in-flight';

/**
 * A server whose "renders" finish only when the test says so, behind the limiter as server.ts
 * puts it in front of Next.
 */
interface Harness {
  port: number;
  started: string[];
  finish(path: string): void;
  stats: ReturnType<typeof inFlightLimit>['stats'];
  close(): Promise<void>;
}

let open: Harness | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function harness(options: InFlightOptions): Promise<Harness> {
  const limiter = inFlightLimit(options);
  const started: string[] = [];
  const pending = new Map<string, http.ServerResponse>();
  const server = http.createServer((req, res) =>
    limiter.admit(req, res, () => {
      started.push(req.url!);
      pending.set(req.url!, res);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open = {
    port: (server.address() as AddressInfo).port,
    started,
    finish(path) {
      pending.get(path)!.end(`done ${path}`);
      pending.delete(path);
    },
    stats: limiter.stats,
    close: () => {
      for (const res of pending.values()) res.end();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return open;
}

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): { answer: Promise<Answer>; abort(): void } {
  const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
  });
  req.end();
  return { answer, abort: () => req.destroy() };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('renders in flight', () => {
  it('runs at most the limit at once, then the waiting ones in arrival order', async () => {
    const h = await harness({ limit: 2, maxQueue: 10, maxWaitMs: 10_000 });
    const answers = ['/a', '/b', '/c', '/d'].map((p) => get(h.port, p).answer);
    await until(() => h.started.length === 2 && h.stats().queued === 2);
    expect(h.started).toEqual(['/a', '/b']);
    h.finish('/b');
    await until(() => h.started.length === 3);
    expect(h.started[2]).toBe('/c');
    h.finish('/a');
    await until(() => h.started.length === 4);
    h.finish('/c');
    h.finish('/d');
    expect((await Promise.all(answers)).map((a) => a.body)).toEqual(['done /a', 'done /b', 'done /c', 'done /d']);
    expect(h.stats()).toEqual({ active: 0, queued: 0, refused: 0 });
  });

  it('turns away with 503, Retry-After and a message in the visitor’s language when the line is full or the wait runs out', async () => {
    const h = await harness({ limit: 1, maxQueue: 1, maxWaitMs: 300 });
    const first = get(h.port, '/bills').answer;
    await until(() => h.started.length === 1);
    const waiting = get(h.port, '/pay/history').answer;
    await until(() => h.stats().queued === 1);
    const full = await get(h.port, '/refunds').answer;
    expect(full.status).toBe(503);
    expect(full.headers['retry-after']).toBe('5');
    expect(full.body).toContain('现在查询的人很多');
    expect(full.body).toContain('lang="zh-CN"');
    const timedOut = await waiting;
    expect(timedOut.status).toBe(503);
    const english = await get(h.port, '/refunds', { cookie: 'nx-lang=en' }).answer;
    expect(english.body).toContain('Many people are using the service');
    expect(h.started).toEqual(['/bills']);
    expect(h.stats().refused).toBe(3);
    h.finish('/bills');
    expect((await first).status).toBe(200);
  });

  it('lets form posts, in-app navigations, static files and the health check pass a full line', async () => {
    const h = await harness({ limit: 1, maxQueue: 0, maxWaitMs: 1000 });
    void get(h.port, '/bills').answer;
    await until(() => h.started.length === 1);
    const passing = [
      get(h.port, '/repair', {}, 'POST'),
      get(h.port, '/refunds', { rsc: '1' }),
      get(h.port, '/_next/static/chunks/app.js'),
      get(h.port, '/api/health'),
    ];
    await until(() => h.started.length === 5);
    for (const path of ['/repair', '/refunds', '/_next/static/chunks/app.js', '/api/health']) h.finish(path);
    for (const p of passing) expect((await p.answer).status).toBe(200);
    expect((await get(h.port, '/pay').answer).status).toBe(503);
  });

  it('forgets a visitor who gave up while waiting', async () => {
    const h = await harness({ limit: 1, maxQueue: 5, maxWaitMs: 10_000 });
    void get(h.port, '/a').answer;
    await until(() => h.started.length === 1);
    const gone = get(h.port, '/gone');
    gone.answer.catch(() => undefined);
    const stays = get(h.port, '/stays').answer;
    await until(() => h.stats().queued === 2);
    gone.abort();
    await until(() => h.stats().queued === 1);
    h.finish('/a');
    await until(() => h.started.length === 2);
    expect(h.started).toEqual(['/a', '/stays']);
    h.finish('/stays');
    expect((await stays).body).toBe('done /stays');
  });
});
