import type { ChannelId } from '@/lib/payments/channel';

/**
 * Which configured channels to offer on this browser, first one preselected. WeChat Pay JSAPI
 * works only inside WeChat, where it comes first; WeChat blocks Alipay's pages, so Alipay is
 * offered only outside it. The sandbox bank's page works everywhere.
 */
export function offeredChannels(configured: readonly ChannelId[], inWeChat: boolean): ChannelId[] {
  const order: ChannelId[] = inWeChat ? ['wechatpay', 'sandbox-bank'] : ['alipay', 'sandbox-bank'];
  return order.filter((id) => configured.includes(id));
}
