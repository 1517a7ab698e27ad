import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToJsonNumber, fenToYuan, jsonNumberToFen, yuanToFen } from '@/lib/payments/channels/shared/money';
import {
  formatShanghaiDateTime,
  formatShanghaiRfc3339,
  parseShanghaiDateTime,
} from '@/lib/payments/channels/shared/shanghai-time';

describe('fen ↔ yuan for Alipay', () => {
  it.each([
    [1n, '0.01'], // 0.01 元
    [29n, '0.29'], // 0.29 元: 0.29 * 100 is 28.999… in floating point
    [100n, '1.00'],
    [24_000n, '240.00'], // 240.00 元, a typical monthly heating bill
    [123_456_789n, '1234567.89'],
    [0n, '0.00'],
  ])('%s fen is "%s"', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    ['240', 24_000n],
    ['240.5', 24_050n],
    ['0.1', 10n],
  ])('reads the short form "%s"', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['', '-1.00', '1.234', '01.00', '1,00', '1e3', ' 1.00', 'NaN'])('refuses "%s"', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(expect.objectContaining({ code: 'bad_response' }));
  });

  it('refuses negative amounts', () => {
    expect(() => fenToYuan(-1n)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
        expect(fenToYuan(fen)).toMatch(/^\d+\.\d{2}$/);
      }),
    );
  });
});

describe('fen as WeChat Pay JSON integers', () => {
  it('keeps safe integers and refuses the rest', () => {
    expect(fenToJsonNumber(24_000n)).toBe(24_000);
    expect(jsonNumberToFen(24_000)).toBe(24_000n);
    for (const bad of [0n, -5n, BigInt(Number.MAX_SAFE_INTEGER) + 1n]) {
      expect(() => fenToJsonNumber(bad)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    }
    for (const bad of [1.5, -1, Number.NaN]) {
      expect(() => jsonNumberToFen(bad)).toThrow(expect.objectContaining({ code: 'bad_response' }));
    }
  });
});

describe('Shanghai time on the wire', () => {
  const instant = new Date('2024-11-15T16:05:09Z'); // past midnight in Shanghai

  it('formats WeChat RFC 3339 and Alipay local time', () => {
    expect(formatShanghaiRfc3339(instant)).toBe('2024-11-16T00:05:09+08:00');
    expect(formatShanghaiDateTime(instant)).toBe('2024-11-16 00:05:09');
  });

  it('parses Alipay local time back to the same instant', () => {
    expect(parseShanghaiDateTime('2024-11-16 00:05:09')?.toISOString()).toBe(instant.toISOString());
    expect(parseShanghaiDateTime('2024-11-16T00:05:09')).toBeNull();
  });
});
