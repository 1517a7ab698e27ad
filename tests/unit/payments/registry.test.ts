import { describe, expect, it } from 'vitest';
import { createConfiguredChannels } from '@/lib/payments/channels/registry';
import { sandboxBankConfigSchema } from '@/lib/payments/channels/sandbox-bank/config';
import { memoryReplayGuard } from '@/tests/support/gateways/fixtures';

describe('configured channels', () => {
  it('offers only the channels that have a configuration', () => {
    const sandboxBank = sandboxBankConfigSchema.parse({
      merchantId: 'NX-HEAT-0001',
      secret: 's'.repeat(32),
      baseUrl: 'http://127.0.0.1:3000/sandbox-bank',
      notifyUrl: 'http://127.0.0.1:3000/api/payments/sandbox-bank/notify',
      refundNotifyUrl: 'http://127.0.0.1:3000/api/payments/sandbox-bank/refund-notify',
    });
    const channels = createConfiguredChannels({ sandboxBank }, { replayGuard: memoryReplayGuard() });
    expect([...channels.keys()]).toEqual(['sandbox-bank']);
    expect(channels.get('sandbox-bank')?.id).toBe('sandbox-bank');
    expect(createConfiguredChannels({}, { replayGuard: memoryReplayGuard() }).size).toBe(0);
  });
});
