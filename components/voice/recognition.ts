'use client';

import { recognitionProviders, type RecognitionProvider } from '@/lib/voice/providers';
import { RecognitionError, type Recognizer } from './recognition-error';
import { isWeChat, weChatRecognizer, weChatStatus } from './wechat';

export { RecognitionError, type Recognizer } from './recognition-error';

/**
 * Speech recognition behind one interface, providers tried in the order of
 * lib/voice/providers.ts: inside WeChat its JS-SDK (see wechat.ts), elsewhere Azure Speech through
 * web-speech-cognitive-services (loaded only when the microphone is first used, with a token from
 * /api/speech/token), then the browser's own SpeechRecognition. Where none exists the microphone
 * is not offered.
 */

interface RecognitionResultLike {
  length: number;
  [index: number]: { transcript: string };
}
interface RecognitionEventLike {
  resultIndex: number;
  results: { length: number; [index: number]: RecognitionResultLike };
}
interface RecognitionLike {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  continuous: boolean;
  onresult: ((event: RecognitionEventLike) => void) | null;
  onerror: ((event: { error?: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  abort(): void;
}
type RecognitionConstructor = new () => RecognitionLike;

function fromConstructor(Ctor: RecognitionConstructor): Recognizer {
  let current: RecognitionLike | null = null;
  return {
    listen() {
      return new Promise((resolve, reject) => {
        const rec = new Ctor();
        current = rec;
        rec.lang = 'zh-CN';
        rec.interimResults = false;
        rec.continuous = false;
        rec.maxAlternatives = 3;
        let heard: string[] = [];
        rec.onresult = (event) => {
          const result = event.results[event.resultIndex];
          if (!result) return;
          heard = Array.from({ length: result.length }, (_, i) => result[i]?.transcript ?? '').filter(Boolean);
        };
        rec.onerror = (event) => reject(new RecognitionError(event.error === 'not-allowed' || event.error === 'service-not-allowed' ? 'denied' : 'failed'));
        rec.onend = () => resolve(heard);
        rec.start();
      });
    },
    abort() {
      current?.abort();
    },
  };
}

export function browserRecognitionConstructor(): RecognitionConstructor | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export interface SpeechCredentials {
  token: string;
  speechRecognitionHostname: string;
  speechSynthesisHostname: string;
  expiresInSeconds: number;
}

let credentials: { value: SpeechCredentials; until: number } | null = null;

export async function azureCredentials(): Promise<SpeechCredentials | null> {
  if (credentials && credentials.until > Date.now()) return credentials.value;
  const response = await fetch('/api/speech/token', { method: 'POST' });
  if (!response.ok) return null;
  const value = (await response.json()) as SpeechCredentials;
  credentials = { value, until: Date.now() + value.expiresInSeconds * 1000 };
  return value;
}

/** The Azure ponyfill: its ≈ 100 KB chunk is fetched the first time the microphone is pressed. */
export async function azurePonyfill(): Promise<{ SpeechRecognition: RecognitionConstructor; speechSynthesis: SpeechSynthesis; SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance } | null> {
  const creds = await azureCredentials();
  if (!creds) return null;
  const { createSpeechServicesPonyfill } = await import('web-speech-cognitive-services');
  const ponyfill: unknown = createSpeechServicesPonyfill({
    credentials: {
      authorizationToken: creds.token,
      speechRecognitionHostname: creds.speechRecognitionHostname,
      speechSynthesisHostname: creds.speechSynthesisHostname,
    },
  });
  return ponyfill as { SpeechRecognition: RecognitionConstructor; speechSynthesis: SpeechSynthesis; SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance };
}

/** What the server offers this page: Azure Speech, a WeChat official account for the JS-SDK. */
export interface SpeechOffer {
  azure: boolean;
  wechat: boolean;
}

// Providers that failed for this visitor stay skipped until the page is reloaded.
const failed = new Set<RecognitionProvider>();

export function markProviderFailed(provider: RecognitionProvider): void {
  failed.add(provider);
  if (provider === 'wechat') weChatStatus.fail();
}

export function availableProviders(offer: SpeechOffer): RecognitionProvider[] {
  return recognitionProviders({
    inWeChat: isWeChat(),
    wechatReady: offer.wechat && weChatStatus.get() === 'ready',
    azureConfigured: offer.azure,
    browserRecognition: browserRecognitionConstructor() !== null,
    failed,
  });
}

/** The first provider that can start, falling back along the order; null when none can. */
export async function createRecognizer(offer: SpeechOffer): Promise<{ provider: RecognitionProvider; recognizer: Recognizer } | null> {
  for (const provider of availableProviders(offer)) {
    if (provider === 'wechat') return { provider, recognizer: await weChatRecognizer() };
    if (provider === 'browser') {
      const native = browserRecognitionConstructor();
      if (native) return { provider, recognizer: fromConstructor(native) };
    }
    if (provider === 'azure') {
      const ponyfill = await azurePonyfill();
      if (ponyfill) return { provider, recognizer: fromConstructor(ponyfill.SpeechRecognition) };
      failed.add('azure');
    }
  }
  return null;
}
