import type { KeyObject } from 'node:crypto';
import type { WeixinJsapiParams } from '@/lib/payments/channel';
import { signatureMessage, signSha256Rsa } from './signature';

export interface JsapiParamsInput {
  appId: string;
  prepayId: string;
  timestamp: string;
  nonce: string;
  privateKey: KeyObject;
}

// What the page hands to WeixinJSBridge.invoke('getBrandWCPayRequest', …); signed with the
// merchant key so WeChat can tell the page did not change the prepay id.
export function buildJsapiParams(input: JsapiParamsInput): WeixinJsapiParams {
  const pkg = `prepay_id=${input.prepayId}`;
  const message = signatureMessage([input.appId, input.timestamp, input.nonce, pkg]);
  return {
    appId: input.appId,
    timeStamp: input.timestamp,
    nonceStr: input.nonce,
    package: pkg,
    signType: 'RSA',
    paySign: signSha256Rsa(message, input.privateKey),
  };
}
