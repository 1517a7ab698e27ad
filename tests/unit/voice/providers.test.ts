import { describe, expect, it } from 'vitest';
import { recognitionProviders, type ProviderEnvironment } from '@/lib/voice/providers';

const none: ProviderEnvironment = { inWeChat: false, wechatReady: false, azureConfigured: false, browserRecognition: false };

describe('speech provider choice', () => {
  it.each<[string, Partial<ProviderEnvironment>, string[]]>([
    ['WeChat with an official account: the JS-SDK, then the browser', { inWeChat: true, wechatReady: true, browserRecognition: true }, ['wechat', 'browser']],
    ['WeChat with no app id configured: the browser only', { inWeChat: true, wechatReady: false, browserRecognition: true }, ['browser']],
    ['WeChat with no app id and no speech API: no microphone', { inWeChat: true, wechatReady: false, azureConfigured: true }, []],
    ['Azure is not used inside WeChat', { inWeChat: true, wechatReady: true, azureConfigured: true }, ['wechat']],
    ['outside WeChat: Azure, then the browser', { azureConfigured: true, browserRecognition: true }, ['azure', 'browser']],
    ['outside WeChat the JS-SDK is never used', { wechatReady: true, browserRecognition: true }, ['browser']],
    ['nothing at all: no microphone', {}, []],
  ])('%s', (_, env, expected) => {
    expect(recognitionProviders({ ...none, ...env })).toEqual(expected);
  });

  it('skips a provider that already failed, falling back to the next', () => {
    const env = { ...none, inWeChat: true, wechatReady: true, browserRecognition: true };
    expect(recognitionProviders({ ...env, failed: new Set(['wechat'] as const) })).toEqual(['browser']);
    expect(recognitionProviders({ ...env, browserRecognition: false, failed: new Set(['wechat'] as const) })).toEqual([]);
  });
});
