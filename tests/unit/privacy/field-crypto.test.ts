import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex, decryptField, encryptField, fieldKeyId, parseKeyring } from '@/lib/privacy/field-crypto';
import { maskIdNumber, maskName, maskPhone } from '@/lib/privacy/mask';
import { normalizeMobile } from '@/lib/privacy/phone';

const key = () => randomBytes(32).toString('base64');

describe('field encryption', () => {
  const ring = parseKeyring(`a:${key()},b:${key()}`, 'a', key());

  it('round-trips and never stores the clear text', () => {
    const stored = encryptField('13800138001', ring);
    expect(stored).not.toContain('13800138001');
    expect(stored.startsWith('v1.a.')).toBe(true);
    expect(decryptField(stored, ring)).toBe('13800138001');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptField('x', ring)).not.toBe(encryptField('x', ring));
  });

  it('still reads values under an older key after rotation', () => {
    const old = encryptField('110101199003077777', ring);
    const rotated = { ...ring, activeKeyId: 'b' };
    const fresh = encryptField('110101199003077777', rotated);
    expect(fieldKeyId(old)).toBe('a');
    expect(fieldKeyId(fresh)).toBe('b');
    expect(decryptField(old, rotated)).toBe('110101199003077777');
  });

  it('rejects tampering, including relabelling the key id', () => {
    const stored = encryptField('13800138001', ring);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => decryptField([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), ring)).toThrow();
    expect(() => decryptField([parts[0], 'b', parts[2], parts[3]].join('.'), ring)).toThrow();
  });

  it('gives stable, purpose-separated blind indexes', () => {
    expect(blindIndex('13800138001', ring, 'phone')).toBe(blindIndex('13800138001', ring, 'phone'));
    expect(blindIndex('13800138001', ring, 'phone')).not.toBe(blindIndex('13800138001', ring, 'id-number'));
  });

  it('refuses malformed keyrings with a clear message', () => {
    expect(() => parseKeyring('a:short', 'a', key())).toThrow(/32 bytes/);
    expect(() => parseKeyring(`a:${key()}`, 'z', key())).toThrow(/PII_ACTIVE_KEY_ID/);
    expect(() => parseKeyring(`a:${key()}`, 'a', 'c2hvcnQ=')).toThrow(/PII_HMAC_KEY/);
  });
});

describe('masking', () => {
  it.each([
    ['13800138001', '138****8001'],
    ['138 0013 8001', '138****8001'],
  ])('masks phone %s', (input, masked) => expect(maskPhone(input)).toBe(masked));

  it('masks ID numbers as 110***********1234', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010119900307123x')).toBe('110***********123X');
  });

  it('masks names after the family name', () => {
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName('李')).toBe('*');
  });
});

describe('mobile numbers', () => {
  it.each([
    ['13800138001', '13800138001'],
    ['+86 138-0013-8001', '13800138001'],
    ['8613800138001', '13800138001'],
    ['12800138001', null],
    ['1380013800', null],
    ['abc', null],
  ])('normalises %s', (input, expected) => expect(normalizeMobile(input)).toBe(expected));
});
