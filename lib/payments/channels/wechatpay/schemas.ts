import { z } from 'zod';

const amountSchema = z.object({
  total: z.number().optional(),
  payer_total: z.number().optional(),
  currency: z.string().optional(),
});

// A transaction as returned by the query API and inside a decrypted TRANSACTION notify.
export const transactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  amount: amountSchema,
  payer: z.object({ openid: z.string().optional() }).optional(),
});
export type Transaction = z.infer<typeof transactionSchema>;

// A refund as returned by the refund APIs.
export const refundSchema = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string().optional(),
  out_trade_no: z.string(),
  status: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ refund: z.number(), total: z.number() }),
});
export type Refund = z.infer<typeof refundSchema>;

// The decrypted REFUND notify resource names its status refund_status and adds mchid.
export const refundResourceSchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ refund: z.number(), total: z.number() }),
});
export type RefundResource = z.infer<typeof refundResourceSchema>;

export const notifyEnvelopeSchema = z.object({
  id: z.string(),
  create_time: z.string().optional(),
  event_type: z.string(),
  resource_type: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});
export type NotifyEnvelope = z.infer<typeof notifyEnvelopeSchema>;

export const prepaySchema = z.object({ prepay_id: z.string().min(1) });

export const errorBodySchema = z.object({ code: z.string(), message: z.string().optional() });
