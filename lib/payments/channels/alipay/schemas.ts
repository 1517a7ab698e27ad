import { z } from 'zod';

export const tradeQuerySchema = z.object({
  trade_no: z.string().optional(),
  out_trade_no: z.string(),
  trade_status: z.string(),
  total_amount: z.string(),
  send_pay_date: z.string().optional(),
});

export const refundReplySchema = z.object({
  trade_no: z.string().optional(),
  out_trade_no: z.string(),
  // "Y" when this call moved money; "N" on a repeat of a request already done.
  fund_change: z.string().optional(),
  gmt_refund_pay: z.string().optional(),
});

// A refund query answers code 10000 even when the refund does not exist; the refund's
// own fields are what tell.
export const refundQuerySchema = z.object({
  out_trade_no: z.string().optional(),
  out_request_no: z.string().optional(),
  refund_amount: z.string().optional(),
  refund_status: z.string().optional(),
  gmt_refund_pay: z.string().optional(),
});

export const notifySchema = z.object({
  notify_id: z.string().min(1),
  notify_type: z.string().optional(),
  app_id: z.string(),
  seller_id: z.string().optional(),
  trade_no: z.string().optional(),
  out_trade_no: z.string().min(1),
  trade_status: z.string(),
  total_amount: z.string(),
  gmt_payment: z.string().optional(),
  gmt_refund: z.string().optional(),
  refund_fee: z.string().optional(),
});
