import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/mentions/route';
import { closeDb, pool } from '@/lib/db/client';
import { createApiKey } from '@/lib/complaints/api-keys';
import { boss } from '@/lib/jobs/boss';
import { seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

function post(body: string, headers: Record<string, string>) {
  return POST(new Request('https://localhost/api/v1/mentions', { method: 'POST', body, headers }));
}

describe('POST /api/v1/mentions', async () => {
  const { utilityId } = await seedTown();
  const { key } = await createApiKey(utilityId, '测试', new Date());
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  it('counts a batch and answers what it matched', async () => {
    const res = await post(JSON.stringify({ mentions: [{ text: '暖气不热' }, { text: '今天挺好', source: 'weibo' }, { text: '漏水了', at: new Date().toISOString() }] }), auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 3, matched: 2, incidentsOpened: [] });
    const { rows } = await pool().query(`SELECT term FROM mention_count WHERE utility_id = $1 ORDER BY term`, [utilityId]);
    expect(rows.map((r) => r.term)).toEqual(['暖气不热', '漏水']);
  });

  it.each([
    ['no key', {}, '{"mentions":[{"text":"冷"}]}', 401, 'unauthorized'],
    ['a wrong key', { ...auth, authorization: 'Bearer nxk_000000000000_' + 'x'.repeat(43) }, '{"mentions":[{"text":"冷"}]}', 401, 'unauthorized'],
    ['not JSON content', { authorization: auth.authorization, 'content-type': 'text/plain' }, 'hello', 415, 'badContentType'],
    ['malformed JSON', auth, '{"mentions": [', 400, 'badJson'],
    ['an empty batch', auth, '{"mentions": []}', 400, 'invalid'],
    ['a missing text', auth, '{"mentions": [{"at": "2026-11-25T10:00:00+08:00"}]}', 400, 'invalid'],
    ['a text too long', auth, JSON.stringify({ mentions: [{ text: '冷'.repeat(2001) }] }), 400, 'invalid'],
    ['a time without offset', auth, '{"mentions": [{"text": "冷", "at": "2026-11-25 10:00"}]}', 400, 'invalid'],
    ['a time in the future', auth, JSON.stringify({ mentions: [{ text: '冷', at: new Date(Date.now() + 3_600_000).toISOString() }] }), 400, 'invalid'],
    ['a batch too big', auth, JSON.stringify({ mentions: Array.from({ length: 501 }, () => ({ text: '冷' })) }), 400, 'invalid'],
    ['a body too large', auth, JSON.stringify({ mentions: [{ text: 'x'.repeat(1_100_000) }] }), 413, 'tooLarge'],
    ['JSON that is not an object', auth, '"冷"', 400, 'invalid'],
  ] as const)('refuses %s with a clear %i', async (_what, headers, body, status, code) => {
    const res = await post(body, headers);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json.error.messageEn).toBeTruthy();
  });

  it('names the field at fault', async () => {
    const res = await post('{"mentions": [{"text": "冷"}, {"text": ""}]}', auth);
    const json = await res.json();
    expect(json.error.issues).toEqual([{ path: 'mentions.1.text', message: expect.stringContaining('不能为空') }]);
  });
});
