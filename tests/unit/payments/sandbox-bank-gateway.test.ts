import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { signSandboxMessage, verifySandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import type { SandboxBankSide } from '@/lib/sandbox-bank/config';
import { handleGatewayRequest } from '@/lib/sandbox-bank/gateway';

/**
 * The built-in bank's own gateway against PostgreSQL: every signed request's nonce is single use,
 * whether the request opens a trade (nonce claimed in the opening statement) or anything else.
 */
const side: SandboxBankSide = { merchantId: 'NX-GW-0001', secret: randomBytes(32).toString('hex'), publicUrl: 'https://bank.test' };

function signed(fields: Record<string, string>, now: Date, nonce = randomBytes(16).toString('hex')): string {
  return JSON.stringify(signSandboxMessage({ merchant_id: side.merchantId, ...fields }, side.secret, { now, nonce }));
}

async function ask(body: string, now: Date): Promise<{ status: number; fields: Record<string, string> | null }> {
  const reply = await handleGatewayRequest(side, body, now);
  return { status: reply.status, fields: reply.status === 200 ? verifySandboxMessage(JSON.parse(reply.body), side.secret, now).fields : null };
}

function createRequest(outTradeNo: string, amountFen: string, now: Date): Record<string, string> {
  return {
    type: 'payment.create',
    out_trade_no: outTradeNo,
    amount_fen: amountFen,
    subject: '暖心 采暖费',
    notify_url: 'https://nuanxin.test/api/payments/notify/sandbox-bank',
    return_url: 'https://nuanxin.test/pay/result',
    expires_at: new Date(now.getTime() + 15 * 60_000).toISOString(),
  };
}

async function tradesOf(outTradeNo: string): Promise<number> {
  const { rows } = await pool().query(`SELECT 1 FROM sandbox_bank_trade WHERE merchant_id = $1 AND out_trade_no = $2`, [side.merchantId, outTradeNo]);
  return rows.length;
}

describe('the sandbox bank gateway', () => {
  it('opens a trade once; the same request replayed is refused and opens nothing', async () => {
    const now = new Date();
    const outTradeNo = `GW${randomBytes(8).toString('hex')}`;
    const body = signed(createRequest(outTradeNo, '4264', now), now);
    const first = await ask(body, now);
    expect(first.fields).toMatchObject({ type: 'payment.created', out_trade_no: outTradeNo });
    expect(first.fields?.pay_url).toBe(`${side.publicUrl}/pay/${first.fields?.bank_trade_no}`);
    expect(await ask(body, now)).toMatchObject({ status: 200, fields: { type: 'error', code: 'REPLAYED' } });
    expect(await tradesOf(outTradeNo)).toBe(1);
  });

  it('a replayed request for a new trade leaves no trade behind', async () => {
    const now = new Date();
    const nonce = randomBytes(16).toString('hex');
    expect((await ask(signed({ type: 'payment.query', out_trade_no: 'GW-NONE' }, now, nonce), now)).fields).toMatchObject({ code: 'NOT_FOUND' });
    // Another request under the nonce already spent: refused before anything is written.
    const outTradeNo = `GW${randomBytes(8).toString('hex')}`;
    expect((await ask(signed(createRequest(outTradeNo, '100', now), now, nonce), now)).fields).toMatchObject({ code: 'REPLAYED' });
    expect(await tradesOf(outTradeNo)).toBe(0);
  });

  it('asked again with a fresh nonce, answers the same trade; another amount is a conflict', async () => {
    const now = new Date();
    const outTradeNo = `GW${randomBytes(8).toString('hex')}`;
    const first = await ask(signed(createRequest(outTradeNo, '500', now), now), now);
    const again = await ask(signed(createRequest(outTradeNo, '500', now), now), now);
    expect(again.fields?.bank_trade_no).toBe(first.fields?.bank_trade_no);
    expect((await ask(signed(createRequest(outTradeNo, '501', now), now), now)).fields).toMatchObject({ code: 'CONFLICT' });
    const queried = await ask(signed({ type: 'payment.query', out_trade_no: outTradeNo }, now), now);
    expect(queried.fields).toMatchObject({ type: 'payment.status', status: 'PENDING', amount_fen: '500' });
    expect(await tradesOf(outTradeNo)).toBe(1);
  });

  it('spends the nonce of a malformed request too, and refuses unsigned or foreign ones without a signed body', async () => {
    const now = new Date();
    const nonce = randomBytes(16).toString('hex');
    const malformed = signed({ type: 'payment.create', out_trade_no: '' }, now, nonce);
    expect((await ask(malformed, now)).fields).toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await ask(malformed, now)).fields).toMatchObject({ code: 'REPLAYED' });
    expect((await handleGatewayRequest(side, '{not json', now)).status).toBe(401);
    const foreign = JSON.stringify(signSandboxMessage({ type: 'payment.query', merchant_id: 'OTHER', out_trade_no: 'x' }, side.secret, { now, nonce: randomBytes(16).toString('hex') }));
    expect((await handleGatewayRequest(side, foreign, now)).status).toBe(401);
  });
});
