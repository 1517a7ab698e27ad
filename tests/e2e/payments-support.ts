import { randomBytes } from 'node:crypto';
import { settlementFen } from '@/lib/billing';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { loadBillForUpdate } from '@/lib/bills/load-bill';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { newOutTradeNo } from '@/lib/payments/trade-number';

export async function billOf(accountId: string, season: number): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1 AND season = $2`, [accountId, season]);
  return rows[0]!.id;
}

export async function ledgerOf(billId: string): Promise<string[]> {
  const { rows } = await pool().query<{ source_id: string }>(`SELECT source_id FROM bill_ledger WHERE bill_id = $1 ORDER BY id`, [billId]);
  return rows.map((r) => r.source_id);
}

/**
 * A payment that a channel already confirmed, credited like apply-channel-state does, for pages
 * that need one to exist (receipt, history, axe) without driving a channel.
 */
export async function seedSucceededPayment(residentId: string, billId: string): Promise<string> {
  const now = new Date();
  return withTransaction(async (client) => {
    const bill = await loadBillForUpdate(client, billId);
    const amount = settlementFen(bill!.tariff, bill!.property, bill!.payments, now);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO payment (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at, paid_at, channel_trade_no)
       VALUES ($1, $2, $3, 'sandbox-bank', $4, 'succeeded', $5, $6, $6, $6, $7) RETURNING id`,
      [newOutTradeNo(now), billId, residentId, amount.toString(), randomBytes(8).toString('hex'), now, `SB${randomBytes(12).toString('hex').toUpperCase()}`],
    );
    const id = rows[0]!.id;
    await applyToBill(client, billId, { amountFen: amount, at: now, kind: 'payment', sourceId: `payment:${id}` });
    return id;
  });
}

/** An open trade on the sandbox bank's books, for its hosted page. */
export async function seedBankTrade(): Promise<string> {
  const bankTradeNo = `SB${randomBytes(12).toString('hex').toUpperCase()}`;
  await pool().query(
    `INSERT INTO sandbox_bank_trade (bank_trade_no, merchant_id, out_trade_no, amount_fen, subject, notify_url, return_url, status, expires_at)
     VALUES ($1, 'NX-SANDBOX-0001', $2, 426442, '暖心供暖 采暖费', '', '', 'PENDING', now() + interval '15 minutes')`,
    [bankTradeNo, newOutTradeNo(new Date())],
  );
  return bankTradeNo;
}

/**
 * A payment the sandbox bank took `takenFen` for while Nuanxin asked the bill's settlement: the
 * bank's books hold the paid trade, our row is flagged as apply-channel-state flags it, and
 * nothing reached the bill. For the staff resolution pages.
 */
export async function seedFlaggedPayment(residentId: string, billId: string, takenFen: bigint): Promise<{ paymentId: string; outTradeNo: string; askedFen: bigint }> {
  const now = new Date();
  const outTradeNo = newOutTradeNo(now);
  const bankTradeNo = `SB${randomBytes(12).toString('hex').toUpperCase()}`;
  return withTransaction(async (client) => {
    const bill = await loadBillForUpdate(client, billId);
    const asked = settlementFen(bill!.tariff, bill!.property, bill!.payments, now);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO payment (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at,
         channel_trade_no, flagged_reason, flagged_at)
       VALUES ($1, $2, $3, 'sandbox-bank', $4, 'pending', $5, $6, $7, $8, $9, $6) RETURNING id`,
      [outTradeNo, billId, residentId, asked.toString(), randomBytes(8).toString('hex'), now, new Date(now.getTime() + 15 * 60_000), bankTradeNo,
        `amount_mismatch: asked ${asked} fen, channel says ${takenFen} fen`],
    );
    await client.query(
      `INSERT INTO sandbox_bank_trade (bank_trade_no, merchant_id, out_trade_no, amount_fen, subject, notify_url, return_url, status, expires_at, paid_at)
       VALUES ($1, 'NX-SANDBOX-0001', $2, $3, '暖心供暖 采暖费', '', '', 'SUCCESS', $4, $5)`,
      [bankTradeNo, outTradeNo, takenFen.toString(), new Date(now.getTime() + 15 * 60_000), now],
    );
    return { paymentId: rows[0]!.id, outTradeNo, askedFen: asked };
  });
}
