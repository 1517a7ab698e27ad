import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { actionGuard, refuseMalformedPath } from '@/lib/server/action-guard';

/** A request as server.ts sees it, and a response that records what was written. */
function exchange(method: string, url: string, headers: Record<string, string>) {
  const written: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const req = { method, url, headers } as unknown as IncomingMessage;
  const res = {
    writeHead(status: number, h: Record<string, string>) {
      written.status = status;
      written.headers = h;
      return this;
    },
    end(body: string) {
      written.body = body;
    },
  } as unknown as ServerResponse;
  return { req, res, written };
}

const ID = 'a'.repeat(42);
const guard = actionGuard(new Set([ID]));
const good = { 'next-action': ID, host: 'localhost:3443', origin: 'https://localhost:3443', 'content-type': 'multipart/form-data; boundary=x' };

describe('server-action guard at the edge', () => {
  it('lets pages, routes and well-formed action posts through to Next', () => {
    expect(guard(exchange('GET', '/bills', { host: 'localhost:3443' }).req, exchange('GET', '/', {}).res)).toBe(false);
    const { req, res, written } = exchange('POST', '/pay', good);
    expect(guard(req, res)).toBe(false);
    expect(written.status).toBeUndefined();
  });

  it.each([
    ['an action id this build does not have', { ...good, 'next-action': 'b'.repeat(42) }, 'POST', 404, '页面已更新'],
    ['a post from another site', { ...good, origin: 'https://evil.example' }, 'POST', 403, '请求来源不正确'],
    ['an origin that is not a URL', { ...good, origin: 'null' }, 'POST', 403, '请求来源不正确'],
    ['a JSON body', { ...good, 'content-type': 'application/json' }, 'POST', 415, '提交的内容格式不正确'],
    ['a body over Next’s 1 MB', { ...good, 'content-length': String(1024 * 1024 + 1) }, 'POST', 413, '提交的内容太大'],
    ['another method', good, 'PUT', 405, '请求方式不正确'],
  ])('refuses %s with a 4xx and a message in Chinese and English', (_name, headers, method, status, zh) => {
    const { req, res, written } = exchange(method, '/pay', headers);
    expect(guard(req, res)).toBe(true);
    expect(written.status).toBe(status);
    expect(written.body).toContain(zh);
    expect(written.body).toMatch(/ · [A-Z]/);
  });

  it('marks an unknown action the way Next does, so the page reloads itself', () => {
    const { req, res, written } = exchange('POST', '/pay', { ...good, 'next-action': 'c'.repeat(42) });
    guard(req, res);
    expect(written.headers?.['x-nextjs-action-not-found']).toBe('1');
  });

  it('refuses an address whose path cannot be percent-decoded with 400', () => {
    const bad = exchange('GET', '/api/complaints/%/photos', {});
    expect(refuseMalformedPath(bad.req, bad.res)).toBe(true);
    expect(bad.written.status).toBe(400);
    const fine = exchange('GET', '/bills/%E6%9A%96?q=%', {});
    expect(refuseMalformedPath(fine.req, fine.res)).toBe(false);
  });
});
