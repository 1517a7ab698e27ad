import { createHash } from 'node:crypto';

export interface WxConfigSignatureInput {
  jsapiTicket: string;
  nonceStr: string;
  timestamp: number;
  url: string;
}

// WeChat signs the page URL without its #fragment; the other parts are taken verbatim.
export function wxConfigSignature(input: WxConfigSignatureInput): string {
  const url = input.url.split('#')[0] ?? '';
  const plain =
    `jsapi_ticket=${input.jsapiTicket}&noncestr=${input.nonceStr}` +
    `&timestamp=${input.timestamp}&url=${url}`;
  return createHash('sha1').update(plain, 'utf8').digest('hex');
}

export interface WxConfig {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
}

// The fields of wx.config({...}) the server must supply; jsApiList is the page's choice.
export function buildWxConfig(input: {
  appId: string;
  jsapiTicket: string;
  url: string;
  now: Date;
  nonceStr: string;
}): WxConfig {
  const timestamp = Math.floor(input.now.getTime() / 1000);
  return {
    appId: input.appId,
    timestamp,
    nonceStr: input.nonceStr,
    signature: wxConfigSignature({ jsapiTicket: input.jsapiTicket, nonceStr: input.nonceStr, timestamp, url: input.url }),
  };
}
