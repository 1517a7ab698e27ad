import { maskPhone } from '@/lib/privacy/mask';

/**
 * How a resident hears about their complaint: an SMS or a WeChat template message. A utility plugs
 * its gateway in behind this interface; the built-in notifier writes to the server log (phone
 * masked), which is what runs in demo mode and until a gateway is configured.
 */
export const NOTICE_TEMPLATES = [
  'complaint_filed',
  'acknowledged',
  'reply',
  'visit_scheduled',
  'in_repair',
  'resolved',
  'reopened',
  'closed',
  'temperature_recorded',
  'incident_update',
  'incident_resolved',
  'refund_submitted',
  'refund_under_review',
  'refund_approved',
  'refund_refunding',
  'refund_refunded',
  'refund_rejected',
  'refund_failed',
  'refund_refunded_offline',
  'refund_withdrawn',
  'payment_flagged_credited',
  'payment_flagged_refunding',
] as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];

export interface Notice {
  phone: string;
  template: NoticeTemplate;
  /** Values for the template: number, message, visit time… already formatted for reading. */
  params: Record<string, string>;
  /** Link the WeChat template message opens. */
  path: string;
}

export interface Notifier {
  send(notice: Notice): Promise<void>;
}

const SMS_TEXT: Record<NoticeTemplate, string> = {
  complaint_filed: '您的报修（单号 {number}）已收到，客服将在 {due} 前联系您。',
  acknowledged: '您的报修（单号 {number}）已由客服受理。',
  reply: '客服回复了您的报修（单号 {number}）：{message}',
  visit_scheduled: '您的报修（单号 {number}）已预约上门：{visit}。',
  in_repair: '您的报修（单号 {number}）正在维修。',
  resolved: '您的报修（单号 {number}）已处理：{message}。如未修好，可在暖心中点“没修好”。',
  reopened: '您的报修（单号 {number}）已重新打开，客服将在 {due} 前联系您。',
  closed: '您的报修（单号 {number}）已完成，感谢您的反馈。',
  temperature_recorded: '您的报修（单号 {number}）已记录室温测量结果。',
  incident_update: '关于{subject}的供热问题：{message}',
  incident_resolved: '{subject}的供热问题已处理：{message}。如家中仍不热，请在暖心中报修。',
  refund_submitted: '您的退费申请（编号 {number}，{amount}）已提交，预计 {expected} 前到账。',
  refund_under_review: '您的退费申请（编号 {number}）正在审核。',
  refund_approved: '您的退费申请（编号 {number}，{amount}）已审核通过，即将原路退回。',
  refund_refunding: '您的退费（编号 {number}，{amount}）正在原路退回。',
  refund_refunded: '您的退费（编号 {number}，{amount}）已原路退回，请留意到账。',
  refund_rejected: '您的退费申请（编号 {number}）未通过：{message}',
  refund_failed: '您的退费（编号 {number}）退回时遇到问题，我们会自动重试，并由客服跟进。',
  refund_refunded_offline: '您的退费（编号 {number}，{amount}）已由供热公司线下退还，如有疑问请拨打客服电话。',
  refund_withdrawn: '您的退费申请（编号 {number}）已撤回，不再审核。如需退费，可在暖心中重新申请；如不是您本人操作，请拨打客服电话。',
  payment_flagged_credited: '您的一笔缴费（{amount}）经核实已计入账单。',
  payment_flagged_refunding: '您的一笔缴费（{amount}）未能计入账单，已为您原路退回（退费编号 {number}），请留意到账。',
};

export function renderNotice(notice: Notice): string {
  const body = SMS_TEXT[notice.template].replace(/\{(\w+)\}/g, (whole, key: string) => notice.params[key] ?? whole);
  return `【暖心】${body}`;
}

export const logNotifier: Notifier = {
  async send(notice) {
    console.info(`[notify] to ${maskPhone(notice.phone)} (${notice.template}): ${renderNotice(notice)}`);
  },
};

export function notifier(): Notifier {
  return logNotifier;
}
