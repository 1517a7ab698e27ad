import type { ChannelId, PaymentChannel } from '@/lib/payments/channel';
import { createConfiguredChannels } from '@/lib/payments/channels/registry';
import { env } from '@/lib/env';
import { postgresReplayGuard } from './replay-guard';

/** The channels this server is configured for, built once from lib/env.ts. */
export type Channels = ReadonlyMap<ChannelId, PaymentChannel>;

let built: Channels | undefined;

export function appChannels(): Channels {
  built ??= createConfiguredChannels(env().payments.channels, { replayGuard: postgresReplayGuard });
  return built;
}

export function isChannelId(value: string): value is ChannelId {
  return value === 'wechatpay' || value === 'alipay' || value === 'sandbox-bank';
}
