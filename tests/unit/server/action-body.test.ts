import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyCheck, isEncodedReply, isFormPost, readReplayable, refuseUndecodableAction } from '@/lib/server/action-body';
import { builtRouteHandlers } from '@/lib/server/action-guard';

/**
 * Server-action bodies are checked at the edge against what React's encodeReply writes, and a
 * body that passes reaches Next byte for byte. The encodings below come from React itself; every
 * body the check lets through must decode with React's own decodeReply, as Next runs it.
 */
const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge') as {
  encodeReply(value: unknown, options?: { temporaryReferences?: unknown }): Promise<string | FormData>;
};

interface Body {
  type: string;
  body: Buffer;
}

async function encoded(args: unknown[]): Promise<Body> {
  const reply = await encodeReply(args);
  if (typeof reply === 'string') return { type: 'text/plain;charset=UTF-8', body: Buffer.from(reply) };
  const response = new Response(reply);
  return { type: response.headers.get('content-type')!, body: Buffer.from(await response.arrayBuffer()) };
}

/** React's decodeReply on each body, in a process with the react-server condition, as in Next. */
function reactDecodes(bodies: Body[]): string[] {
  const out = execFileSync(process.execPath, ['--conditions', 'react-server', path.resolve('tests/support/decode-reply.mjs')], {
    input: JSON.stringify(bodies.map((b) => ({ type: b.type, body: b.body.toString('base64') }))),
  });
  return JSON.parse(out.toString()) as string[];
}

function form(entries: [string, string | Blob, string?][]): FormData {
  const data = new FormData();
  for (const [name, value, filename] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, filename);
  }
  return data;
}

const shared = { note: '共用' };
const photo = new Blob([randomBytes(200_000)], { type: 'image/jpeg' });
/** What Nuanxin's forms send (useActionState: previous state, then the form), and more. */
const validArgs: unknown[][] = [
  [],
  [null, 'x'],
  [{}, form([['billId', '7c9e6679-7425-40de-944b-e07fc1f90ae7'], ['channel', 'sandbox-bank']])],
  [{ error: '请填写', fieldErrors: { rooms: ['必填'] } }, form([['description', '卧室暖气不热 $1 "引号"'], ['rooms', '卧室']])],
  [{ ok: true }, form([['photo', photo, '暖气片.jpg'], ['caption', '照片']])],
  [{ a: shared, b: shared }, new Date('2026-11-25T08:00:00Z'), 12345678901234567890n, new Map([['k', 1]]), new Set([1, 2]), undefined, NaN, -0, Infinity],
  ['$ACTION_ID_x', '$$', '$1', '$@0', '$Q1'],
  [Array.from({ length: 500 }, (_, i) => i), 'x'.repeat(100_000)],
];

function multipart(fields: [string, string][], boundary = 'nxBoundary'): Body {
  const text = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(text) };
}

/** A small seeded generator of numbers in [0, 1) (mulberry32), so mangled bodies repeat. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A one-part multipart body whose part carries these header lines and the reply `[]`. */
function withHeaders(...lines: string[]): Body {
  return { type: 'multipart/form-data; boundary=b', body: Buffer.from(`--b\r\n${lines.join('\r\n')}\r\n\r\n[]\r\n--b--\r\n`, 'latin1') };
}

const text = (body: string): Body => ({ type: 'text/plain;charset=UTF-8', body: Buffer.from(body) });

/** Bodies React could not have written. */
const malformed: [string, Body][] = [
  ['not JSON', text('{')],
  ['empty', text('')],
  ['JSON but not an array', text('{"billId":"x"}')],
  ['a string', text('"just a string"')],
  ['null', text('null')],
  ['a reference to a part a text body cannot have', text('["$1"]')],
  ['a promise of a missing part', text('["$@3"]')],
  ['a BigInt that is not a number', text('["$n12x"]')],
  ['a file that is not there', text('["$B1"]')],
  ['a function argument', text('["$h1"]')],
  ['a stream', text('["$R1"]')],
  ['a path that leads nowhere', text('[{"a":1},"$0:0:b"]')],
  ['more arguments than Next accepts', text(JSON.stringify(Array.from({ length: 1001 }, () => 1)))],
  ['a multipart body without its closing delimiter', { ...multipart([['0', '[]']]), body: Buffer.from('--nxBoundary\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n') }],
  ['a multipart body with another boundary', { ...multipart([['0', '[]']]), type: 'multipart/form-data; boundary=nope' }],
  ['a multipart body with no boundary', { ...multipart([['0', '[]']]), type: 'multipart/form-data' }],
  ['a multipart body without field 0', multipart([['_1_billId', 'x']])],
  ['a multipart reply that is not JSON', multipart([['0', '[']])],
  ['a multipart reply that is an object', multipart([['0', '{"x":1}']])],
  ['a Map whose part is missing', multipart([['0', '["$Q1"]']])],
  ['a Map whose part is not entries', multipart([['0', '["$Q1"]'], ['1', '[1,2]']])],
  ['a part with no name', { type: 'multipart/form-data; boundary=b', body: Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n') }],
  ['a control character in a part header', withHeaders('Content-Disposition: form-data; name="0"', 'X-Note: bell\u0007')],
  ['a line feed inside a part header', withHeaders('Content-Disposition: form-data;\nname="0"')],
  ['a space before a part header’s colon', withHeaders('Content-Disposition : form-data; name="0"')],
  ['a part header name that is not a token', withHeaders('Content-Disposition: form-data; name="0"', 'X(y): 1')],
  ['a folded part header', withHeaders('Content-Disposition: form-data;', ' name="0"')],
  ['garbage after the part name', withHeaders('Content-Disposition: form-data; name="0"x')],
  ['a part header block over 16 KiB', withHeaders('Content-Disposition: form-data; name="0"', `X-Pad: ${'a'.repeat(16 * 1024)}`)],
  ['a text field in another charset', withHeaders('Content-Disposition: form-data; name="0"', 'Content-Type: text/plain; charset=utf-16le')],
  ['garbage after a wrong delimiter', { type: 'multipart/form-data; boundary=nope', body: Buffer.from("--wrong\r\n' OR '1'='1") }],
];

describe('server-action bodies checked against what React encodes', () => {
  it('accepts what React encodes for Nuanxin’s forms, and React decodes each of them', async () => {
    const bodies = await Promise.all(validArgs.map(encoded));
    expect(bodies.map((b) => isEncodedReply(b.body, b.type))).toEqual(bodies.map(() => true));
    expect(reactDecodes(bodies)).toEqual(bodies.map(() => 'ok'));
  });

  it.each(malformed)('refuses %s', (_name, body) => {
    expect(isEncodedReply(body.body, body.type)).toBe(false);
  });

  it('refuses every truncation of a real multipart reply, and passes nothing React cannot decode', async () => {
    const whole = await encoded(validArgs[4]!);
    const cuts = Array.from({ length: 60 }, (_, i) => Math.floor((whole.body.length * i) / 60));
    const truncated = cuts.map((n) => ({ type: whole.type, body: whole.body.subarray(0, n) }));
    expect(truncated.filter((b) => isEncodedReply(b.body, b.type))).toEqual([]);
    // Every body the check accepts, of all above and of mangled bodies, React decodes. The bytes
    // mangled are chosen by a seeded generator, mostly in part headers, where busboy is strictest.
    const random = seeded(2026);
    const special = [0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x2d, 0x3a, 0x3b, 0x5c, 0x7f, 0x80, 0xff];
    const mangled: Body[] = [];
    for (const b of await Promise.all(validArgs.map(encoded))) {
      const starts = [0];
      for (let k = b.body.indexOf('\r\n--'); k >= 0; k = b.body.indexOf('\r\n--', k + 1)) starts.push(k);
      for (let round = 0; round < (b.type.startsWith('multipart') ? 40 : 4); round++) {
        const inHeaders = round % 4 !== 0;
        const at = inHeaders ? Math.min(b.body.length - 1, starts[Math.floor(random() * starts.length)]! + Math.floor(random() * 90)) : Math.floor(random() * b.body.length);
        const n = 1 + Math.floor(random() * 3);
        const bytes = Buffer.from(Array.from({ length: n }, () => (random() < 0.5 ? special[Math.floor(random() * special.length)]! : Math.floor(random() * 256))));
        mangled.push({ type: b.type, body: Buffer.concat([b.body.subarray(0, at), bytes, b.body.subarray(at + (random() < 0.3 ? 0 : n))]) });
      }
    }
    const candidates = [...truncated, ...mangled, ...malformed.map(([, b]) => b)];
    const accepted = candidates.filter((b) => isEncodedReply(b.body, b.type));
    expect(accepted.length).toBeGreaterThan(20);
    expect(reactDecodes(accepted)).toEqual(accepted.map(() => 'ok'));
    // And what it refuses, React fails on too (the 500s this check prevents), bar the encodings
    // Nuanxin refuses on purpose (functions, streams), too many arguments (React decodes them,
    // Next then throws), a promise of a missing part (decoded as a rejected promise, never written
    // by React) and a folded part header (joined by Next's parser, never written by a browser).
    const decodedOnPurpose = ['a function argument', 'a stream', 'more arguments than Next accepts', 'a promise of a missing part', 'a folded part header'];
    const refusable = malformed.filter(([name]) => !decodedOnPurpose.includes(name));
    const outcomes = reactDecodes(refusable.map(([, b]) => b));
    expect(refusable.filter((_, i) => outcomes[i] === 'ok').map(([name]) => name)).toEqual([]);
  });
});

describe('forms posted without JavaScript', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nx-routes-'));
  mkdirSync(path.join(dir, '.next/server'), { recursive: true });
  const manifest = { '/repair/page': '', '/api/complaints/[id]/photos/route': '', '/api/auth/[...nextauth]/route': '', '/staff/import/upload/route': '', '/(shop)/x/[[...rest]]/route': '' };
  writeFileSync(path.join(dir, '.next/server/app-paths-manifest.json'), JSON.stringify(manifest));
  const routes = builtRouteHandlers(dir, false);
  const req = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers }) as unknown as http.IncomingMessage;
  const mp = { 'content-type': 'multipart/form-data; boundary=b' };

  it('checks multipart posts to pages, never to route handlers (photo uploads read their own bodies)', () => {
    expect(bodyCheck(req('POST', '/repair', mp), routes)).toBe('form');
    expect(bodyCheck(req('POST', '/repair/123?x=1', mp), routes)).toBe('form');
    expect(bodyCheck(req('POST', '/api/complaints/7c9e/photos', mp), routes)).toBeNull();
    expect(bodyCheck(req('POST', '/api/auth/callback/credentials', mp), routes)).toBeNull();
    expect(bodyCheck(req('POST', '/staff/import/upload', mp), routes)).toBeNull();
    expect(bodyCheck(req('POST', '/x', mp), routes)).toBeNull();
    expect(bodyCheck(req('POST', '/x/a/b', mp), routes)).toBeNull();
    expect(bodyCheck(req('POST', '/repair', { 'content-type': 'application/x-www-form-urlencoded' }), routes)).toBeNull();
    expect(bodyCheck(req('GET', '/repair', mp), routes)).toBeNull();
    expect(bodyCheck(req('POST', '/repair', { ...mp, 'next-action': 'a' }), routes)).toBe('action');
    expect(bodyCheck(req('POST', '/repair', { 'content-type': 'text/plain', 'next-action': 'a' }), routes)).toBe('action');
    expect(bodyCheck(req('POST', '/repair', mp), null)).toBeNull();
  });

  it('lets complete forms through, bound actions with their descriptor, and refuses the rest', () => {
    const ok = (fields: [string, string][]) => isFormPost(multipart(fields).body, multipart(fields).type);
    expect(ok([['$ACTION_ID_abc', ''], ['billId', 'x']])).toBe(true);
    expect(ok([['name', '张三']])).toBe(true);
    expect(ok([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"abc","bound":"$@1"}'], ['$ACTION_1:1', '["x"]']])).toBe(true);
    expect(ok([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"abc","bound":null}']])).toBe(true);
    expect(ok([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{']])).toBe(false);
    expect(ok([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":1}']])).toBe(false);
    expect(ok([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"abc","bound":"$Q9"}']])).toBe(false);
    const whole = multipart([['$ACTION_ID_abc', ''], ['rooms', '卧室']]);
    expect(isFormPost(whole.body.subarray(0, whole.body.length - 5), whole.type)).toBe(false);
  });
});

describe('the body, read and put back', () => {
  let server: http.Server;
  let port = 0;
  const seen: { body: Buffer; refused: boolean }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      void refuseUndecodableAction(req, res, 1024 * 1024).then(async (refused) => {
        if (refused) return seen.push({ body: Buffer.alloc(0), refused });
        // Next's way of reading it: a stream consumer that starts after the check.
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        seen.push({ body: Buffer.concat(chunks), refused });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends the body in pieces, some time apart, on a kept-alive connection. */
  function post(agent: http.Agent, body: Body, pieces = 5): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/repair', agent, headers: { 'content-type': body.type, 'next-action': 'a'.repeat(42) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      const size = Math.ceil(body.body.length / pieces);
      let i = 0;
      const send = () => {
        if (i * size >= body.body.length) return void req.end();
        req.write(body.body.subarray(i * size, ++i * size));
        setTimeout(send, 5);
      };
      send();
    });
  }

  it('hands the next reader the exact bytes, piece by piece, connection after connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const bodies = [await encoded(validArgs[4]!), await encoded(validArgs[1]!), await encoded(validArgs[7]!)];
    for (const body of bodies) expect(await post(agent, body)).toBe(200);
    expect(await post(agent, text('{'))).toBe(400);
    expect(await post(agent, await encoded(validArgs[3]!), 1)).toBe(200);
    agent.destroy();
    expect(seen.map((s) => s.refused)).toEqual([false, false, false, true, false]);
    expect(seen[0]!.body.equals(bodies[0]!.body)).toBe(true);
    expect(seen[1]!.body.equals(bodies[1]!.body)).toBe(true);
    expect(seen[2]!.body.equals(bodies[2]!.body)).toBe(true);
  });

  it('stops reading past the limit and answers 413', async () => {
    const agent = new http.Agent({ keepAlive: false });
    const huge = { type: 'text/plain;charset=UTF-8', body: Buffer.from(JSON.stringify(['x'.repeat(1024 * 1024)])) };
    expect(await post(agent, huge, 20).catch(() => 413)).toBe(413);
  });

  it('reads a whole body that has already arrived', async () => {
    const body = await encoded(validArgs[2]!);
    const read = await new Promise<Buffer>((resolve) => {
      const s = http.createServer((req, res) => {
        // Gives the whole body time to arrive before anyone reads.
        setTimeout(() => void readReplayable(req, 1024 * 1024).then(async (r) => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          res.end();
          s.close();
          resolve('body' in r && r.body.equals(Buffer.concat(chunks)) ? Buffer.concat(chunks) : Buffer.alloc(0));
        }), 100);
      });
      s.listen(0, '127.0.0.1', () => {
        const req = http.request({ port: (s.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST', headers: { 'content-type': body.type } }, (res) => res.resume());
        req.end(body.body);
      });
    });
    expect(read.equals(body.body)).toBe(true);
  });
});
