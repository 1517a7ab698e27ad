import { z } from 'zod';

// The typed messages of the sandbox bank protocol, checked after the signature verifies.
// Amounts are decimal strings of integer fen; times are ISO-8601 UTC; an unset time is "".

const fen = z.string().regex(/^(0|[1-9]\d{0,17})$/);
const isoOrEmpty = z.union([z.literal(''), z.iso.datetime()]);

const envelope = {
  merchant_id: z.string().min(1),
  timestamp: z.string(),
  nonce: z.string(),
  sign: z.string(),
};

export const SANDBOX_PAYMENT_STATUSES = ['PENDING', 'SUCCESS', 'FAILED', 'CLOSED'] as const;
export const SANDBOX_REFUND_STATUSES = ['PROCESSING', 'SUCCESS', 'FAILED'] as const;
export const SANDBOX_ERROR_CODES = [
  'NOT_FOUND',
  'SIGNATURE_INVALID',
  'STALE',
  'REPLAYED',
  'INVALID_REQUEST',
  'REFUND_EXCEEDS',
  'CONFLICT',
] as const;

// merchant → bank
export const paymentCreateRequestSchema = z.object({
  ...envelope,
  type: z.literal('payment.create'),
  out_trade_no: z.string().min(1).max(64),
  amount_fen: fen,
  subject: z.string().min(1).max(128),
  notify_url: z.url(),
  return_url: z.union([z.literal(''), z.url()]),
  expires_at: z.iso.datetime(),
});

export const paymentQueryRequestSchema = z.object({
  ...envelope,
  type: z.literal('payment.query'),
  out_trade_no: z.string().min(1),
});

export const refundCreateRequestSchema = z.object({
  ...envelope,
  type: z.literal('refund.create'),
  out_trade_no: z.string().min(1),
  out_refund_no: z.string().min(1).max(64),
  refund_fen: fen,
  total_fen: fen,
  reason: z.string().max(80),
  notify_url: z.url(),
});

export const refundQueryRequestSchema = z.object({
  ...envelope,
  type: z.literal('refund.query'),
  out_trade_no: z.string().min(1),
  out_refund_no: z.string().min(1),
});

export const sandboxRequestSchema = z.discriminatedUnion('type', [
  paymentCreateRequestSchema,
  paymentQueryRequestSchema,
  refundCreateRequestSchema,
  refundQueryRequestSchema,
]);
export type SandboxRequest = z.infer<typeof sandboxRequestSchema>;

// bank → merchant: replies (with in_reply_to) and notifies (without)
export const paymentCreatedReplySchema = z.object({
  ...envelope,
  type: z.literal('payment.created'),
  in_reply_to: z.string(),
  out_trade_no: z.string(),
  bank_trade_no: z.string(),
  pay_url: z.url(),
});

const paymentState = {
  out_trade_no: z.string(),
  bank_trade_no: z.string(),
  amount_fen: fen,
  status: z.enum(SANDBOX_PAYMENT_STATUSES),
  paid_at: isoOrEmpty,
};

export const paymentStatusReplySchema = z.object({
  ...envelope,
  ...paymentState,
  type: z.literal('payment.status'),
  in_reply_to: z.string(),
});

export const paymentNotifySchema = z.object({ ...envelope, ...paymentState, type: z.literal('payment.notify') });

const refundState = {
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  bank_refund_no: z.string(),
  refund_fen: fen,
  status: z.enum(SANDBOX_REFUND_STATUSES),
  succeeded_at: isoOrEmpty,
};

export const refundStatusReplySchema = z.object({
  ...envelope,
  ...refundState,
  type: z.literal('refund.status'),
  in_reply_to: z.string(),
});

export const refundNotifySchema = z.object({ ...envelope, ...refundState, type: z.literal('refund.notify') });

export const errorReplySchema = z.object({
  ...envelope,
  type: z.literal('error'),
  in_reply_to: z.string(),
  code: z.enum(SANDBOX_ERROR_CODES),
  message: z.string(),
});

export type SandboxPaymentStatus = (typeof SANDBOX_PAYMENT_STATUSES)[number];
export type SandboxRefundStatus = (typeof SANDBOX_REFUND_STATUSES)[number];
export type SandboxErrorCode = (typeof SANDBOX_ERROR_CODES)[number];
