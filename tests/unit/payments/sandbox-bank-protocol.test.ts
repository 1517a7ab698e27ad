import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandboxRequestSchema } from '@/lib/payments/channels/sandbox-bank/messages';
import {
  canonicaliseSandboxMessage,
  signSandboxMessage,
  verifySandboxMessage,
} from '@/lib/payments/channels/sandbox-bank/protocol';

const SECRET = 'nuanxin-sandbox-bank-secret-0123456789';
const now = new Date('2024-11-15T09:30:00Z'); // 1731663000

describe('sandbox bank canonical string', () => {
  it('sorts fields, leaves sign out, keeps empty values and percent-encodes values', () => {
    expect(
      canonicaliseSandboxMessage({
        type: 'payment.notify',
        sign: 'ignored',
        amount_fen: '24000',
        subject: '暖心 a&b=c',
        paid_at: '',
      }),
    ).toBe('amount_fen=24000&paid_at=&subject=%E6%9A%96%E5%BF%83%20a%26b%3Dc&type=payment.notify');
  });

  it('refuses field names outside the protocol alphabet', () => {
    expect(() => canonicaliseSandboxMessage({ 'Amount-Fen': '1' })).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });

  it('never gives two different messages the same string', () => {
    const fields = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fc.string(), { maxKeys: 5 });
    fc.assert(
      fc.property(fields, fields, (a, b) => {
        const same = JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
        expect(canonicaliseSandboxMessage(a) === canonicaliseSandboxMessage(b)).toBe(same);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sandbox bank signatures', () => {
  const request = { type: 'payment.query', merchant_id: 'NX-HEAT-0001', out_trade_no: 'NX20241115000401' };

  it('is the hex HMAC-SHA256 of the canonical string, with timestamp and nonce inside', () => {
    const signed = signSandboxMessage(request, SECRET, { now, nonce: 'a1b2c3d4e5f60718' });
    const canonical =
      'merchant_id=NX-HEAT-0001&nonce=a1b2c3d4e5f60718&out_trade_no=NX20241115000401&timestamp=1731663000&type=payment.query';
    expect(signed.sign).toBe(createHmac('sha256', SECRET).update(canonical).digest('hex'));
    expect(verifySandboxMessage(signed, SECRET, now)).toEqual({
      fields: signed,
      replay: { key: 'sandbox-bank:NX-HEAT-0001:a1b2c3d4e5f60718', keepUntil: new Date('2024-11-15T09:35:01Z') },
    });
  });

  it('survives a JSON round trip and verifies whatever the field order', () => {
    const signed = signSandboxMessage(request, SECRET, { now, nonce: 'a1b2c3d4e5f60718' });
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(() => verifySandboxMessage(JSON.parse(JSON.stringify(reordered)), SECRET, now)).not.toThrow();
  });

  it('detects any change to any field', () => {
    const signed = signSandboxMessage({ ...request, amount_fen: '24000' }, SECRET, { now, nonce: 'a1b2c3d4e5f60718' });
    const names = Object.keys(signed).filter((n) => n !== 'sign' && n !== 'timestamp' && n !== 'nonce');
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ minLength: 1 }), (name, extra) => {
        const tampered = { ...signed, [name]: `${signed[name] ?? ''}${extra}` };
        expect(() => verifySandboxMessage(tampered, SECRET, now)).toThrow(expect.objectContaining({ code: 'signature_invalid' }));
      }),
    );
    expect(() => verifySandboxMessage({ ...signed, extra: '' }, SECRET, now)).toThrow(
      expect.objectContaining({ code: 'signature_invalid' }),
    );
  });

  it.each([
    ['another secret', (m: Record<string, string>) => m, `${SECRET}x`, now, 'signature_invalid'],
    ['a stale timestamp', (m: Record<string, string>) => m, SECRET, new Date(now.getTime() + 301_000), 'stale_timestamp'],
    ['a timestamp from the future', (m: Record<string, string>) => m, SECRET, new Date(now.getTime() - 301_000), 'stale_timestamp'],
    ['an upper-case signature', (m: Record<string, string>) => ({ ...m, sign: (m.sign ?? '').toUpperCase() }), SECRET, now, 'signature_invalid'],
    ['a missing nonce', (m: Record<string, string>) => ({ ...m, nonce: '' }), SECRET, now, 'signature_invalid'],
  ])('refuses %s', (_label, mutate, secret, at, code) => {
    const signed = signSandboxMessage(request, SECRET, { now, nonce: 'a1b2c3d4e5f60718' });
    expect(() => verifySandboxMessage(mutate(signed), secret, at)).toThrow(expect.objectContaining({ code }));
  });

  it.each([null, [], 'text', { type: 'payment.query', amount: 1 }])('refuses a non-message %j', (message) => {
    expect(() => verifySandboxMessage(message, SECRET, now)).toThrow(expect.objectContaining({ code: 'signature_invalid' }));
  });

  it('refuses to sign with a weak nonce or without type and merchant', () => {
    expect(() => signSandboxMessage(request, SECRET, { now, nonce: 'short' })).toThrow();
    expect(() => signSandboxMessage({ type: 'payment.query' }, SECRET, { now, nonce: 'a1b2c3d4e5f60718' })).toThrow();
  });
});

describe('sandbox bank request messages', () => {
  it('types a create request and refuses an amount that is not integer fen', () => {
    const create = signSandboxMessage(
      {
        type: 'payment.create',
        merchant_id: 'NX-HEAT-0001',
        out_trade_no: 'NX20241115000401',
        amount_fen: '24000',
        subject: '采暖费',
        notify_url: 'https://nuanxin.test/api/payments/sandbox-bank/notify',
        return_url: '',
        expires_at: '2024-11-15T10:00:00.000Z',
      },
      SECRET,
      { now, nonce: 'a1b2c3d4e5f60718' },
    );
    expect(sandboxRequestSchema.parse(create).type).toBe('payment.create');
    expect(sandboxRequestSchema.safeParse({ ...create, amount_fen: '240.00' }).success).toBe(false);
    expect(sandboxRequestSchema.safeParse({ ...create, amount_fen: '-1' }).success).toBe(false);
  });
});
