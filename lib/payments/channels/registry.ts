import type { ChannelId, PaymentChannel, ReplayGuard } from '@/lib/payments/channel';
import { createAlipayChannel } from './alipay/channel';
import type { AlipayConfig } from './alipay/config';
import { createSandboxBankChannel } from './sandbox-bank/channel';
import type { SandboxBankConfig } from './sandbox-bank/config';
import { createWeChatPayChannel } from './wechatpay/channel';
import type { WeChatPayConfig } from './wechatpay/config';

export interface ChannelConfigs {
  wechatpay?: WeChatPayConfig | undefined;
  alipay?: AlipayConfig | undefined;
  sandboxBank?: SandboxBankConfig | undefined;
}

// Only configured channels exist, so an unconfigured one can never be offered or called.
export function createConfiguredChannels(
  configs: ChannelConfigs,
  deps: { replayGuard: ReplayGuard },
): ReadonlyMap<ChannelId, PaymentChannel> {
  const channels = new Map<ChannelId, PaymentChannel>();
  if (configs.wechatpay) channels.set('wechatpay', createWeChatPayChannel(configs.wechatpay, deps));
  if (configs.alipay) channels.set('alipay', createAlipayChannel(configs.alipay));
  if (configs.sandboxBank) channels.set('sandbox-bank', createSandboxBankChannel(configs.sandboxBank, deps));
  return channels;
}
