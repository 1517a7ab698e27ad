import { describe, expect, it } from 'vitest';
import { heapLimit } from '@/lib/runtime/spawn-server';

describe('server heap limit', () => {
  it('is 320 MB unless HEAP_LIMIT_MB says otherwise, and never overrides NODE_OPTIONS', () => {
    expect(heapLimit({})).toEqual(['--max-old-space-size=320']);
    expect(heapLimit({ HEAP_LIMIT_MB: '512' })).toEqual(['--max-old-space-size=512']);
    expect(heapLimit({ NODE_OPTIONS: '--max-old-space-size=1024', HEAP_LIMIT_MB: '512' })).toEqual([]);
  });
});
