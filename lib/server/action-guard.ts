import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * Server-action requests that can never be valid are refused at the edge with a clear 4xx,
 * before Next tries to decode them (Next answers those with a 500): an action id this build does
 * not have, a post from another site, or a body type no browser sends to an action.
 */
const ACTION_CONTENT_TYPES = ['multipart/form-data', 'text/plain', 'application/x-www-form-urlencoded'];
// Next's serverActions.bodySizeLimit (its default, 1 MB: next.config.ts sets none; photos go to
// route handlers). Next answers a larger body with a 500, so it is refused here first: by its
// Content-Length before reading, or while action-body.ts reads it.
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface ActionGuard {
  (req: IncomingMessage, res: ServerResponse): boolean;
}

/** The production build's action ids; null in development, where ids change as files change. */
export function builtActionIds(dir: string, dev: boolean): Set<string> | null {
  const file = path.join(dir, '.next/server/server-reference-manifest.json');
  if (dev || !existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
  return new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
}

export function refuse(res: ServerResponse, status: number, zh: string, en: string, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${zh} · ${en}`);
  return true;
}

/** An address whose path cannot be percent-decoded: Next would fail on it with a 500. */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  try {
    decodeURIComponent((req.url ?? '/').split('?')[0]!);
    return false;
  } catch {
    return refuse(res, 400, '网址不正确', 'Malformed address');
  }
}

/** A post whose Origin names another site (or is no URL); Next would refuse it with a 500. */
export function fromAnotherSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The paths of the build's route handlers (the app's route.ts files), which read their own bodies; every
 * other path is a page, where Next tries any multipart post as a form action. Null in development.
 */
export function builtRouteHandlers(dir: string, dev: boolean): RegExp[] | null {
  const file = path.join(dir, '.next/server/app-paths-manifest.json');
  if (dev || !existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => key.endsWith('/route'))
    .map((key) => {
      const segments = key
        .slice(0, -'/route'.length)
        .split('/')
        .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment))
        .map((segment) => {
          if (/^\[\[\.\.\..+\]\]$/.test(segment)) return '(?:/.*)?';
          if (/^\[\.\.\..+\]$/.test(segment)) return '/.+';
          if (/^\[.+\]$/.test(segment)) return '/[^/]+';
          return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
        });
      return new RegExp(`^${segments.join('')}/?$`);
    });
}

/** Returns true when it answered the request (refused it); false lets Next handle it. */
export function actionGuard(ids: Set<string> | null): ActionGuard {
  return (req, res) => {
    const action = req.headers['next-action'];
    if (action === undefined) return false;
    if (req.method !== 'POST') return refuse(res, 405, '请求方式不正确', 'Method not allowed');
    if (typeof action !== 'string' || (ids && !ids.has(action))) {
      // The same marker Next sends for an unknown action, so the page's router reacts as it would.
      return refuse(res, 404, '页面已更新，请刷新后重试', 'This page has been updated; please reload and try again', { 'x-nextjs-action-not-found': '1' });
    }
    if (fromAnotherSite(req)) return refuse(res, 403, '请求来源不正确，请从暖心页面操作', 'Request from another site refused');
    if (Number(req.headers['content-length'] ?? 0) > ACTION_BODY_LIMIT) return refuse(res, 413, '提交的内容太大', 'Request too large');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ACTION_CONTENT_TYPES.includes(type)) return refuse(res, 415, '提交的内容格式不正确', 'Unsupported form data');
    return false;
  };
}
