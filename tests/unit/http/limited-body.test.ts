import { describe, expect, it } from 'vitest';
import { isSameOrigin, readBodyWithin } from '@/lib/http/limited-body';

const MB = 1024 * 1024;

/** A body of `chunks` × 1 MB that records how much of it was ever pulled. */
function streamed(chunks: number, headers: Record<string, string> = {}): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(MB));
    },
  });
  const request = new Request('https://nuanxin.test/staff/import/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readBodyWithin', () => {
  it('returns a body within the limit whole', async () => {
    const { request } = streamed(3);
    expect((await readBodyWithin(request, 3 * MB))?.byteLength).toBe(3 * MB);
  });

  it('stops reading as soon as a body without a length passes the limit', async () => {
    const { request, pulled } = streamed(200);
    expect(await readBodyWithin(request, 12 * MB)).toBeNull();
    expect(pulled()).toBeLessThanOrEqual(14);
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const { request, pulled } = streamed(200, { 'content-length': String(200 * MB) });
    expect(await readBodyWithin(request, 12 * MB)).toBeNull();
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('does not trust a declared length under the limit', async () => {
    const { request } = streamed(20, { 'content-length': '10' });
    expect(await readBodyWithin(request, 12 * MB)).toBeNull();
  });
});

describe('isSameOrigin', () => {
  const post = (origin?: string) =>
    new Request('https://nuanxin.test:7443/staff/import/upload', { method: 'POST', headers: origin ? { origin } : {} });
  it.each([
    ['https://nuanxin.test:7443', true],
    ['https://evil.test', false],
    ['https://nuanxin.test:8443', false],
    ['null', false],
    [undefined, false],
  ])('Origin %s → %s', (origin, same) => {
    expect(isSameOrigin(post(origin))).toBe(same);
  });
});
