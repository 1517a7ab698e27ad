/**
 * Which speech recognisers to try, best first, from what this visitor's browser and the server
 * offer. Inside WeChat the in-app browser has no working SpeechRecognition and Azure's audio
 * capture is unreliable, so WeChat's own JS-SDK comes first there; elsewhere Azure (when the
 * utility configured it) is more accurate for Mandarin than most browsers' own recognisers.
 * An empty list means no microphone is offered.
 */
export type RecognitionProvider = 'wechat' | 'azure' | 'browser';

export interface ProviderEnvironment {
  inWeChat: boolean;
  /** A WeChat official account is configured and wx.config succeeded for this page. */
  wechatReady: boolean;
  azureConfigured: boolean;
  browserRecognition: boolean;
  /** Providers that already failed for this visitor (refused permission, config error). */
  failed?: ReadonlySet<RecognitionProvider>;
}

export function recognitionProviders(env: ProviderEnvironment): RecognitionProvider[] {
  const order: [RecognitionProvider, boolean][] = env.inWeChat
    ? [
        ['wechat', env.wechatReady],
        ['browser', env.browserRecognition],
      ]
    : [
        ['azure', env.azureConfigured],
        ['browser', env.browserRecognition],
      ];
  return order.filter(([provider, present]) => present && !env.failed?.has(provider)).map(([provider]) => provider);
}
