import type { KeyObject } from 'node:crypto';
import type { CreatePaymentInput, HtmlFormLaunch } from '@/lib/payments/channel';
import { fenToYuan } from '../shared/money';
import { formatShanghaiDateTime } from '../shared/shanghai-time';
import { commonParams } from './client';
import type { AlipayConfig } from './config';
import { signRequestParams } from './signature';

export interface WapPayLaunch {
  url: string;
  form: HtmlFormLaunch;
}

// alipay.trade.wap.pay is not called server to server: the browser carries the signed
// parameters to the gateway, which shows the cashier. Both a GET link and an auto-submit
// form are returned; the form survives long subjects that would overflow a URL.
export function buildWapPay(config: AlipayConfig, appKey: KeyObject, input: CreatePaymentInput): WapPayLaunch {
  const biz = {
    out_trade_no: input.outTradeNo,
    total_amount: fenToYuan(input.amountFen),
    subject: input.description,
    product_code: 'QUICK_WAP_WAY',
    time_expire: formatShanghaiDateTime(input.expiresAt),
    ...(input.quitUrl ? { quit_url: input.quitUrl } : {}),
  };
  const params: Record<string, string> = {
    ...commonParams(config, 'alipay.trade.wap.pay', input.now, biz),
    notify_url: config.notifyUrl,
    ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
  };
  const signed = signRequestParams(params, appKey);
  const url = new URL(config.gatewayUrl);
  for (const [key, value] of Object.entries(signed)) url.searchParams.set(key, value);
  const action = new URL(config.gatewayUrl);
  action.searchParams.set('charset', 'utf-8');
  return { url: url.toString(), form: { action: action.toString(), method: 'POST', fields: signed } };
}
