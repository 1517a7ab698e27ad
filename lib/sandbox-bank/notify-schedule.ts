/** Like the big channels: retry a notify that was not acknowledged, further apart each time. */
export const SANDBOX_NOTIFY_JOB = 'sandbox-bank.notify';

export const NOTIFY_RETRY_SECONDS = [5, 15, 30, 180, 600, 1200, 1800, 3600] as const;

export interface SandboxNotifyJob {
  bankTradeNo: string;
  attempt: number;
}

export const SANDBOX_REFUND_NOTIFY_JOB = 'sandbox-bank.refund-notify';

export interface SandboxRefundNotifyJob {
  merchantId: string;
  outRefundNo: string;
  attempt: number;
}
