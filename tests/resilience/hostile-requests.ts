import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The hostile-input corpus: malformed, oversized, mistyped and malicious requests to pages, API
 * routes, notify endpoints and server actions, with no, forged or another resident's
 * credentials. Deterministic in kind, random in detail; `requests(n)` yields n of them.
 */
export interface HostileRequest {
  /** Groups findings: one line per kind of request that failed. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface Targets {
  /** The attacker's own signed-in cookie. */
  attackerCookie: string;
  /** Someone else's records, which the attacker must neither see nor change. */
  victim: { billId: string; paymentId: string; accountId: string; complaintId: string; workOrderId: string; residentId: string; sessionCookie: string };
}

export const INJECTIONS = [
  `' OR '1'='1`,
  `1; DROP TABLE bill; --`,
  `'); UPDATE payment SET status='succeeded'; --`,
  `<script>alert(document.cookie)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `../../../../etc/passwd`,
  `..%2F..%2F..%2Fetc%2Fpasswd`,
  `%2e%2e%2f%2e%2e%2fetc%2fshadow`,
  `\u0000`,
  `${'9'.repeat(400)}`,
  `-1`,
  `1e309`,
  `NaN`,
  `null`,
  `{"$gt":""}`,
  `__proto__`,
  `constructor`,
  `😀🔥`.repeat(50),
  `${'A'.repeat(5000)}`,
  `$(reboot)`,
  `{{7*7}}`,
  `%`,
  `\\..\\..\\windows\\win.ini`,
];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

interface ServerAction {
  id: string;
  exportedName: string;
  /** A page that imports it (the path a browser would post to). */
  page: string;
}

/** Every server action of the production build, from Next's own manifest. */
export function serverActions(root = process.cwd()): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith('/page') && !w.includes('['));
    const page = (worker ?? 'app/page').replace(/^app/, '').replace(/\/page$/, '') || '/';
    return { id, exportedName: entry.exportedName, page };
  });
}

const PAGES = [
  '/', '/login', '/accounts', '/accounts/bind', '/accounts/:id', '/bills', '/bills/:id', '/pay', '/pay/history',
  '/pay/result/:id', '/receipts/:id', '/refunds', '/repair', '/repair/mine', '/repair/:id', '/me', '/me/data',
  '/staff', '/staff/login', '/staff/accounts', '/staff/audit', '/staff/payments', '/staff/work-orders', '/staff/work-orders/:id',
  '/staff/import/:id/report', '/sandbox-bank/pay/:id', '/api/payments/:id', '/api/photos/:id', '/api/v1/bills',
  '/api/speech/token', '/api/auth/session', '/api/auth/csrf', '/api/wechat/oauth', '/no/such/page',
];

function cookieVariants(t: Targets): string[] {
  const fakeJwt = `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..${randomBytes(16).toString('base64url')}.${randomBytes(64).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  return [
    '',
    t.attackerCookie,
    `__Secure-authjs.session-token=${encodeURIComponent(pick(INJECTIONS))}`,
    `__Secure-authjs.session-token=${fakeJwt}`,
    `__Secure-authjs.session-token=${'x'.repeat(6000)}`,
    `${t.attackerCookie}; nx-mode=${encodeURIComponent(pick(INJECTIONS))}; nx-locale=${encodeURIComponent(pick(INJECTIONS))}`,
    // The victim's token with one character changed: a forgery, not the victim.
    t.victim.sessionCookie.slice(0, -3) + (t.victim.sessionCookie.endsWith('A') ? 'B' : 'A') + t.victim.sessionCookie.slice(-2),
    `__Secure-authjs.session-token.0=${randomBytes(40).toString('base64url')}; __Secure-authjs.session-token.1=${randomBytes(40).toString('base64url')}`,
  ];
}

function idVariants(t: Targets): string[] {
  const v = t.victim;
  return [v.billId, v.paymentId, v.accountId, v.complaintId, v.workOrderId, v.residentId, randomUUID(), ...INJECTIONS.map(encodeURIComponent)];
}

function jsonGarbage(t: Targets): string {
  const v = t.victim;
  return pick([
    '{',
    '{"a":',
    'null',
    '[]',
    '"just a string"',
    '12345678901234567890',
    JSON.stringify({ billId: v.billId, channel: 'sandbox-bank', idempotencyKey: randomUUID() }),
    JSON.stringify({ billId: 42, channel: ['x'], idempotencyKey: { $ne: null } }),
    JSON.stringify({ mentions: [{ text: pick(INJECTIONS), at: 'yesterday', source: 1 }] }),
    JSON.stringify({ mentions: 'all' }),
    JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: { admin: true } } }),
    JSON.stringify([v.paymentId, v.billId, pick(INJECTIONS)]),
    JSON.stringify({ ['x'.repeat(10)]: 'y'.repeat(50_000) }),
    '\u0000\u0001\u0002',
    pick(INJECTIONS),
  ]);
}

/** A sandbox-bank notify for the victim's payment, well formed but signed with a wrong key. */
function forgedSandboxNotify(t: Targets): string {
  return JSON.stringify({
    fields: {
      type: 'payment.notify', merchant_id: 'NX-SANDBOX-0001', out_trade_no: pick([t.victim.paymentId, pick(INJECTIONS)]),
      bank_trade_no: `SB${randomBytes(12).toString('hex').toUpperCase()}`, amount_fen: pick(['1', '-1', '99999999999999999999', 'abc']),
      status: pick(['SUCCESS', 'FAILED', pick(INJECTIONS)]), paid_at: new Date().toISOString(),
    },
    timestamp: pick([String(Math.floor(Date.now() / 1000)), '0', 'soon']),
    nonce: randomBytes(16).toString('hex'),
    signature: pick([randomBytes(32).toString('hex'), '', pick(INJECTIONS)]),
  });
}

function multipart(fields: Record<string, string | Buffer>, boundary = `----nx${randomBytes(8).toString('hex')}`): { body: Buffer; type: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const file = Buffer.isBuffer(value);
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="x.jpg"\r\nContent-Type: image/jpeg' : ''}\r\n\r\n`));
    parts.push(Buffer.isBuffer(value) ? value : Buffer.from(value));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** Form fields an action might read, filled with another resident's ids and hostile strings. */
function hostileForm(t: Targets): Record<string, string> {
  const v = t.victim;
  const value = () => pick([...INJECTIONS, v.billId, v.accountId, v.complaintId, v.workOrderId, v.paymentId, '', '0', '-100', 'true']);
  return {
    billId: pick([v.billId, value()]), channel: pick(['sandbox-bank', 'wechatpay', value()]), idempotencyKey: pick([randomUUID(), value()]),
    accountId: pick([v.accountId, value()]), accountNo: value(), holderName: value(), complaintId: pick([v.complaintId, value()]),
    workOrderId: pick([v.workOrderId, value()]), id: value(), incidentId: value(), action: pick(['resolve', 'claim', 'reopen', 'confirm', value()]),
    problem: value(), rooms: value(), description: value(), contactPhone: value(), phone: value(), code: value(), username: value(), password: value(),
    decision: pick(['pay', 'cancel', value()]), bankTradeNo: value(), field: value(), mode: value(), locale: value(), reason: value(), text: value(),
  };
}

function actionRequest(t: Targets, action: ServerAction, cookie: string, malformed = false): HostileRequest {
  const base = { method: 'POST', path: action.page, kind: `action ${action.exportedName}` };
  // Mostly from the site itself (so the action runs); sometimes a cross-site forgery.
  const headers = { 'next-action': action.id, cookie, accept: 'text/x-component', origin: pick(['self', 'self', 'self', 'https://evil.example']) };
  // Well-formed React encodings with hostile content (0, 2) or malformed encodings (1, 3, 4).
  const shape = malformed ? pick([1, 3, 4]) : pick([0, 2]);
  if (shape === 0) {
    // Arguments of the wrong types (a string where FormData belongs, numbers, nested objects).
    // React writes a string that starts with "$" as "$$…"; a bare "$…" is a reference (malformed class).
    const text = () => pick(INJECTIONS).replace(/^\$/, '$$$$');
    const args = pick([['x'], [null, 'x'], [{}, 42], [[1, 2], { a: 1 }], [text(), text()], []]);
    return { ...base, kind: `${base.kind} (wrong types)`, headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(args) };
  }
  if (shape === 1) return { ...base, kind: `${base.kind} (bad body)`, headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, body: jsonGarbage(t) };
  if (shape === 2) {
    const form = multipart({ '1_$ACTION_ID_x': '', ...Object.fromEntries(Object.entries(hostileForm(t)).map(([k, v]) => [`1_${k}`, v])), '0': '["$undefined","$K1"]' });
    return { ...base, kind: `${base.kind} (hostile form)`, headers: { ...headers, 'content-type': form.type }, body: form.body };
  }
  if (shape === 3) {
    const form = multipart({ ...hostileForm(t), '0': pick(['["$K1"]', '[', '["$@0"]', '{"x":1}', '["$Q1"]']) });
    return { ...base, kind: `${base.kind} (mangled reply)`, headers: { ...headers, 'content-type': form.type }, body: form.body };
  }
  return { ...base, kind: `${base.kind} (broken multipart)`, headers: { ...headers, 'content-type': 'multipart/form-data; boundary=nope' }, body: `--wrong\r\n${pick(INJECTIONS)}` };
}

/**
 * A form posted without JavaScript (before the page is interactive): multipart with React's hidden
 * "$ACTION_ID_…" or "$ACTION_REF_…" fields and no Next-Action header, which Next decodes itself.
 */
function formPost(t: Targets, action: ServerAction, cookie: string): HostileRequest {
  const base = { method: 'POST', path: action.page, kind: `form post ${action.exportedName}` };
  const headers = { cookie, origin: pick(['self', 'self', 'self', 'https://evil.example']) };
  const fields = hostileForm(t);
  const shape = pick([0, 1, 2, 3]);
  if (shape === 0) {
    const form = multipart({ [`$ACTION_ID_${action.id}`]: '', ...fields });
    return { ...base, kind: `${base.kind} (hostile form)`, headers: { ...headers, 'content-type': form.type }, body: form.body };
  }
  if (shape === 1) {
    const descriptor = pick([JSON.stringify({ id: action.id, bound: '$@1' }), JSON.stringify({ id: action.id, bound: null }), '{', '{"id":1}', JSON.stringify({ id: action.id, bound: '$Q9' })]);
    const form = multipart({ '$ACTION_REF_1': '', '$ACTION_1:0': descriptor, '$ACTION_1:1': pick(['[]', '[', '{"x":1}', JSON.stringify([pick(INJECTIONS)])]), '$ACTION_KEY': 'k', ...fields });
    return { ...base, kind: `${base.kind} (bound action)`, headers: { ...headers, 'content-type': form.type }, body: form.body };
  }
  if (shape === 2) {
    const form = multipart({ [`$ACTION_ID_${action.id}`]: '', ...fields });
    return { ...base, kind: `${base.kind} (truncated)`, headers: { ...headers, 'content-type': form.type }, body: form.body.subarray(0, Math.floor(form.body.length * Math.random())) };
  }
  return { ...base, kind: `${base.kind} (broken multipart)`, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${pick(['nope', '', '"'])}` }, body: `--wrong\r\n${pick(INJECTIONS)}` };
}

/** n hostile requests, cycling through every kind. */
export function* requests(n: number, t: Targets, actions: ServerAction[]): Generator<HostileRequest> {
  const kinds: (() => HostileRequest)[] = [
    () => {
      const page = pick(PAGES);
      const id = pick(idVariants(t));
      const query = pick(['', `?bill=${id}`, `?q=${encodeURIComponent(pick(INJECTIONS))}`, `?page=-1&size=1e9`, `?code=${id}&state=${id}`, `?next=${encodeURIComponent('//evil.example')}`]);
      return { kind: `GET ${page}`, method: 'GET', path: page.replace(':id', id) + query, headers: { cookie: pick(cookieVariants(t)) } };
    },
    () => ({ kind: 'GET another resident’s records', method: 'GET', path: pick([`/bills/${t.victim.billId}`, `/receipts/${t.victim.paymentId}`, `/pay/result/${t.victim.paymentId}`, `/api/payments/${t.victim.paymentId}`, `/repair/${t.victim.complaintId}`, `/accounts/${t.victim.accountId}`, `/pay?bill=${t.victim.billId}`]), headers: { cookie: t.attackerCookie } }),
    () => ({ kind: 'path traversal', method: 'GET', path: pick(['/../../etc/passwd', '/_next/static/../../../../etc/passwd', '/_next/static/%2e%2e/%2e%2e/server.ts', '/api/photos/..%2F..%2F.data%2Fsecrets.json', '/%2e%2e/%2e%2e/etc/passwd', '/_next/image?url=%2F..%2F..%2Fetc%2Fpasswd&w=64&q=75', '/_next/image?url=http://169.254.169.254/&w=64&q=75']), headers: {} }),
    () => ({ kind: 'POST notify (bad signature)', method: 'POST', path: `/api/payments/notify/${pick(['sandbox-bank', 'wechatpay', 'alipay', 'nope', pick(INJECTIONS).slice(0, 30)])}`.replace(/ /g, '%20'), headers: { 'content-type': pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain']), 'wechatpay-signature': randomBytes(16).toString('base64'), 'wechatpay-serial': pick(INJECTIONS).slice(0, 40).replace(/[^\x20-\x7e]/g, '') }, body: pick([forgedSandboxNotify(t), jsonGarbage(t), `notify_id=1&sign=${encodeURIComponent(pick(INJECTIONS))}&out_trade_no=${t.victim.paymentId}&trade_status=TRADE_SUCCESS&total_amount=0.01`]) }),
    () => ({ kind: 'POST sandbox bank gateway', method: 'POST', path: '/sandbox-bank/gateway', headers: { 'content-type': 'application/json' }, body: pick([forgedSandboxNotify(t), jsonGarbage(t)]) }),
    () => ({ kind: 'POST mentions API', method: 'POST', path: '/api/v1/mentions', headers: { 'content-type': 'application/json', authorization: pick(['', 'Bearer nxk_fake', `Bearer ${pick(INJECTIONS)}`.replace(/[^\x20-\x7e]/g, ''), 'Basic YWRtaW46YWRtaW4=']) }, body: jsonGarbage(t) }),
    () => {
      const form = multipart({ photo: randomBytes(2048), caption: pick(INJECTIONS) });
      return { kind: 'POST photos of another resident’s complaint', method: 'POST', path: `/api/complaints/${pick([t.victim.complaintId, pick(INJECTIONS)])}/photos`.replace(/ /g, '%20'), headers: { cookie: pick([t.attackerCookie, '']), 'content-type': pick([form.type, 'application/json']) }, body: form.body };
    },
    () => ({ kind: 'next-auth endpoints', method: 'POST', path: pick(['/api/auth/callback/session', '/api/auth/signin/session', '/api/auth/signout', '/api/auth/callback/credentials', '/api/auth/session']), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pick(cookieVariants(t)) }, body: `sid=${encodeURIComponent(pick([randomUUID(), pick(INJECTIONS)]))}&csrfToken=${randomBytes(8).toString('hex')}&callbackUrl=${encodeURIComponent('https://evil.example/')}` }),
    () => ({ kind: 'unusual methods', method: pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']), path: pick(PAGES).replace(':id', randomUUID()), headers: { cookie: t.attackerCookie, 'content-type': 'application/json' }, body: jsonGarbage(t) }),
    () => ({ kind: 'unknown server action', method: 'POST', path: pick(['/', '/pay', '/login']), headers: { 'next-action': pick([randomBytes(21).toString('hex'), pick(INJECTIONS).replace(/[^\x20-\x7e]/g, '') || 'x']), 'content-type': 'text/plain;charset=UTF-8', cookie: t.attackerCookie }, body: '[]' }),
    () => actionRequest(t, pick(actions), pick(cookieVariants(t))),
    () => actionRequest(t, pick(actions), t.attackerCookie),
    () => actionRequest(t, pick(actions), pick(cookieVariants(t)), true),
    () => formPost(t, pick(actions), pick([t.attackerCookie, pick(cookieVariants(t))])),
  ];
  for (let i = 0; i < n; i++) yield kinds[i % kinds.length]!();
}

/**
 * Server-action bodies that React itself could never have encoded (truncated multipart, a reply
 * that is not JSON, forward references). Next 16 fails to decode them with a 500 before any
 * Nuanxin code runs, so server.ts refuses them first (see hostile.spec.ts).
 */
export function* malformedActionBodies(n: number, t: Targets, actions: ServerAction[]): Generator<HostileRequest> {
  for (let i = 0; i < n; i++) yield i % 2 === 0 ? actionRequest(t, pick(actions), t.attackerCookie, true) : formPost(t, pick(actions), t.attackerCookie);
}

/** A few bodies far over every limit: each must be refused with 413 or another 4xx, never 5xx. */
export function hugeRequests(t: Targets, actions: ServerAction[]): HostileRequest[] {
  const big = Buffer.alloc(13 * 1024 * 1024, 0x41);
  const action = actions.find((a) => a.exportedName === 'startPaymentAction') ?? actions[0]!;
  return [
    { kind: 'huge body: notify', method: 'POST', path: '/api/payments/notify/sandbox-bank', headers: { 'content-type': 'application/json' }, body: big },
    { kind: 'huge body: gateway', method: 'POST', path: '/sandbox-bank/gateway', headers: { 'content-type': 'application/json' }, body: big },
    { kind: 'huge body: mentions', method: 'POST', path: '/api/v1/mentions', headers: { 'content-type': 'application/json', authorization: 'Bearer nxk_fake' }, body: big },
    { kind: 'huge body: server action', method: 'POST', path: action.page, headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', cookie: t.attackerCookie }, body: big },
    { kind: 'huge body: photo upload', method: 'POST', path: `/api/complaints/${t.victim.complaintId}/photos`, headers: { cookie: t.attackerCookie, 'content-type': 'multipart/form-data; boundary=x' }, body: big },
    { kind: 'huge body: page', method: 'POST', path: '/bills', headers: { cookie: t.attackerCookie, 'content-type': 'application/x-www-form-urlencoded' }, body: big },
  ];
}
