import type { KeyObject } from 'node:crypto';
import { ChannelError, type NotifyRequest, type PaymentNotice } from '@/lib/payments/channel';
import { yuanToFen } from '../shared/money';
import { parseAs } from '../shared/parse';
import { parseShanghaiDateTime } from '../shared/shanghai-time';
import type { AlipayConfig } from './config';
import { notifySchema } from './schemas';
import { mapTradeStatus } from './status';
import { verifyNotifyParams } from './signature';

// The asynchronous notify is a form post; every value counts towards the signature, so the
// whole decoded form is verified before any field is read.
export function parseAlipayNotify(
  request: NotifyRequest,
  config: AlipayConfig,
  alipayKey: KeyObject,
): PaymentNotice {
  const params = Object.fromEntries(new URLSearchParams(request.body));
  // Only RSA2 is accepted: an "RSA" (SHA-1) notify would be a downgrade.
  if (params.sign_type !== 'RSA2') {
    throw new ChannelError('signature_invalid', `Unsupported sign_type ${params.sign_type ?? '(none)'}`);
  }
  if (!verifyNotifyParams(params, alipayKey)) {
    throw new ChannelError('signature_invalid', 'Alipay notify signature does not verify');
  }
  const notify = parseAs(notifySchema, params, 'Alipay notify');
  if (notify.app_id !== config.appId) {
    throw new ChannelError('app_mismatch', 'Notify for another app id', { appId: notify.app_id });
  }
  if (config.sellerId !== undefined && notify.seller_id !== config.sellerId) {
    throw new ChannelError('merchant_mismatch', 'Notify for another seller', { sellerId: notify.seller_id ?? null });
  }
  const paidAt = notify.gmt_payment === undefined ? null : parseShanghaiDateTime(notify.gmt_payment);
  const status = mapTradeStatus(notify.trade_status, paidAt !== null);
  if (status === null) throw new ChannelError('bad_response', `Unknown trade_status ${notify.trade_status}`);
  return {
    channel: 'alipay',
    outTradeNo: notify.out_trade_no,
    channelTradeNo: notify.trade_no ?? null,
    status,
    amountFen: yuanToFen(notify.total_amount),
    paidAt,
    rawStatus: notify.trade_status,
    notifyId: notify.notify_id,
  };
}
