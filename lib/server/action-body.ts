import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFormPostReply, isReplyForm, isReplyText } from './action-reply';
import { fromAnotherSite, refuse } from './action-guard';
import { splitMultipart } from './multipart';

/**
 * The body of a server-action post, read whole and checked before Next sees it: a body React
 * could not have encoded (truncated multipart, a reply that is not a JSON array, references to
 * parts that are not there) gets a 400 instead of Next's 500. A body that passes is pushed back
 * onto the request unchanged, so Next reads it exactly as it arrived.
 */

type Read = { body: Buffer } | { tooLarge: true } | { gone: true };

/**
 * Reads the request's body up to `limit` bytes without letting the stream end: the moment the
 * last byte is in (`complete`), the body is unshifted back onto the request, before the stream
 * could emit 'end', so whoever reads next receives it as if nobody had.
 */
export function readReplayable(req: IncomingMessage, limit: number): Promise<Read> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Read) => {
      req.off('readable', onReadable);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(result);
    };
    const onReadable = () => {
      for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read() as Buffer | null) {
        size += chunk.length;
        if (size > limit) return finish({ tooLarge: true });
        chunks.push(chunk);
      }
      if (!req.complete) return;
      const body = Buffer.concat(chunks, size);
      if (size > 0) req.unshift(body);
      finish({ body });
    };
    // Only an empty body ends before it was complete above; nothing needs to go back.
    const onEnd = () => finish(size === 0 ? { body: Buffer.alloc(0) } : { gone: true });
    const onClose = () => finish({ gone: true });
    req.on('readable', onReadable);
    req.once('end', onEnd);
    req.once('close', onClose);
  });
}

const MULTIPART = /^multipart\/form-data\b/i;

/**
 * Which body check a request needs: a server-action post (its Next-Action header already passed
 * action-guard.ts), or a multipart form posted to a page without JavaScript, which Next decodes
 * as a possible form action (route handlers, `routeHandlers`, read their own bodies).
 */
export function bodyCheck(req: IncomingMessage, routeHandlers: RegExp[] | null): 'action' | 'form' | null {
  if (req.method !== 'POST') return null;
  const type = req.headers['content-type'] ?? '';
  if (req.headers['next-action'] !== undefined) return MULTIPART.test(type) || /^text\/plain\b/i.test(type) ? 'action' : null;
  if (!MULTIPART.test(type) || routeHandlers === null) return null;
  const pathname = (req.url ?? '/').split('?')[0]!;
  return routeHandlers.some((route) => route.test(pathname)) ? null : 'form';
}

export function isEncodedReply(body: Buffer, contentType: string): boolean {
  if (!MULTIPART.test(contentType)) return isReplyText(body.toString('utf8'));
  const parts = splitMultipart(body, contentType);
  return parts !== null && isReplyForm(parts);
}

export function isFormPost(body: Buffer, contentType: string): boolean {
  const parts = splitMultipart(body, contentType);
  return parts !== null && isFormPostReply(parts);
}

/**
 * Resolves true when it answered the request (refused it), false when Next may handle it, with
 * the body back in place. A client that went away gets no answer; its response is closed.
 */
export async function refuseUndecodableAction(req: IncomingMessage, res: ServerResponse, limit: number, kind: 'action' | 'form' = 'action'): Promise<boolean> {
  // Checked by action-guard.ts for actions; a form post from another site Next fails with a 500.
  if (kind === 'form' && fromAnotherSite(req)) return refuse(res, 403, '请求来源不正确，请从暖心页面操作', 'Request from another site refused');
  const read = await readReplayable(req, limit);
  if ('gone' in read) {
    res.destroy();
    return true;
  }
  // The rest of an oversized body is not read: the connection closes after the answer.
  if ('tooLarge' in read) return refuse(res, 413, '提交的内容太大', 'Request too large', { connection: 'close' });
  const type = req.headers['content-type'] ?? '';
  if (!(kind === 'action' ? isEncodedReply(read.body, type) : isFormPost(read.body, type))) {
    return refuse(res, 400, '提交的内容无法识别，请刷新页面后重试', 'The form could not be read; please reload the page and try again');
  }
  return false;
}
