// The contract every payment channel (WeChat Pay, Alipay, the sandbox bank) fulfils.
// Amounts are integer fen; statuses are normalised so the payment state machine never
// sees a channel's own vocabulary (the raw word is kept for logs and reconciliation).

export type ChannelId = 'wechatpay' | 'alipay' | 'sandbox-bank';

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'closed' | 'refunded';

// 'abnormal' is WeChat's refund that reached a dead card: it needs staff, not a retry.
export type RefundStatus = 'processing' | 'succeeded' | 'failed' | 'closed' | 'abnormal';

export interface CreatePaymentInput {
  outTradeNo: string;
  amountFen: bigint;
  description: string;
  // The channel refuses payment after this instant, so an expired payment cannot be paid late.
  expiresAt: Date;
  now: Date;
  // WeChat JSAPI pays as a known official-account user.
  payerOpenId?: string;
  // Where the browser lands after the channel's page; proves nothing about payment.
  returnUrl?: string;
  // Alipay: where the cashier sends a resident who gives up.
  quitUrl?: string;
  clientIp?: string;
}

export interface WeixinJsapiParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface HtmlFormLaunch {
  action: string;
  method: 'POST';
  fields: Readonly<Record<string, string>>;
}

export type PaymentLaunch =
  | { kind: 'jsapi'; prepayId: string; params: WeixinJsapiParams }
  | { kind: 'redirect'; url: string; form: HtmlFormLaunch }
  | { kind: 'hosted'; url: string };

export interface CreatedPayment {
  outTradeNo: string;
  channelTradeNo: string | null;
  launch: PaymentLaunch;
}

export interface PaymentSnapshot {
  channel: ChannelId;
  outTradeNo: string;
  channelTradeNo: string | null;
  status: PaymentStatus;
  // null only when a channel leaves the amount out of an unpaid trade.
  amountFen: bigint | null;
  paidAt: Date | null;
  rawStatus: string;
}

export interface PaymentNotice extends PaymentSnapshot {
  amountFen: bigint;
  // The channel's identifier of this notification, for the audit trail.
  notifyId: string;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: bigint;
  totalFen: bigint;
  reason: string;
  now: Date;
}

export interface RefundSnapshot {
  channel: ChannelId;
  outTradeNo: string;
  outRefundNo: string;
  channelRefundNo: string | null;
  status: RefundStatus;
  refundFen: bigint;
  succeededAt: Date | null;
  rawStatus: string;
}

export interface RefundNotice extends RefundSnapshot {
  notifyId: string;
}

export interface NotifyRequest {
  headers: Headers;
  // The raw body exactly as received: signatures cover bytes, not a re-serialised object.
  body: string;
}

export interface NotifyReply {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

// Remembers a notification's nonce until it would be stale anyway; backed by PostgreSQL
// (a unique key) in the app. Returns false when the key was already claimed.
export interface ReplayGuard {
  claim(key: string, keepUntil: Date): Promise<boolean>;
}

export interface PaymentChannel {
  readonly id: ChannelId;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  // Verifies the notification's signature and origin; the amount is checked by the caller
  // against its own record with assertNoticeMatches, so a mismatch can be flagged, not lost.
  parseNotify(request: NotifyRequest, now: Date): Promise<PaymentNotice>;
  // Throws ChannelError('not_found') when the channel has no such trade; for Alipay that
  // also means the resident never opened the cashier.
  queryPayment(input: { outTradeNo: string; now: Date }): Promise<PaymentSnapshot>;
  refund(input: RefundInput): Promise<RefundSnapshot>;
  queryRefund(input: { outTradeNo: string; outRefundNo: string; now: Date }): Promise<RefundSnapshot>;
  parseRefundNotify?(request: NotifyRequest, now: Date): Promise<RefundNotice>;
  // What to answer the channel: an accepted notify stops its retries, a rejected one keeps them.
  notifyReply(accepted: boolean): NotifyReply;
}

export type ChannelErrorCode =
  | 'invalid_request'
  | 'signature_invalid'
  | 'unknown_serial'
  | 'stale_timestamp'
  | 'replayed'
  | 'decrypt_failed'
  | 'app_mismatch'
  | 'merchant_mismatch'
  | 'trade_mismatch'
  | 'amount_mismatch'
  | 'not_found'
  | 'gateway_error'
  | 'gateway_timeout'
  | 'bad_response';

export type ChannelErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

export class ChannelError extends Error {
  override readonly name = 'ChannelError';

  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly details: ChannelErrorDetails = {},
  ) {
    super(message);
  }
}

export function isChannelError(error: unknown, code?: ChannelErrorCode): error is ChannelError {
  return error instanceof ChannelError && (code === undefined || error.code === code);
}
