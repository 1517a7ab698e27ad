'use client';

import { useCallback, useRef, useSyncExternalStore } from 'react';
import { availableProviders, createRecognizer, markProviderFailed, RecognitionError, type Recognizer, type SpeechOffer } from './recognition';
import type { RecognitionErrorCode } from './recognition-error';
import { weChatStatus } from './wechat';

export type Hearing = { ok: true; heard: string[] } | { ok: false; code: RecognitionErrorCode | 'none' };

const noSubscription = () => () => undefined;

/**
 * The microphone as one press-and-release gesture for every provider: press() listens, release()
 * ends a push-to-talk recording (WeChat); recognisers that detect the end of speech themselves
 * ignore the release. A refused microphone retires that provider, so the next press uses the next.
 */
export function useRecognizer(offer: SpeechOffer) {
  // Re-renders when the WeChat JS-SDK becomes ready or fails; the server renders "no microphone".
  const wechat = useSyncExternalStore(weChatStatus.subscribe, weChatStatus.get, () => 'off' as const);
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const providers = hydrated ? availableProviders(offer) : [];
  const canListen = providers.length > 0;
  // Only WeChat records while the button is held; the others hear the end of speech themselves.
  const pushToTalk = providers[0] === 'wechat';
  const current = useRef<Recognizer | null>(null);
  const releasedEarly = useRef(false);

  const press = useCallback(async (): Promise<Hearing> => {
    releasedEarly.current = false;
    const made = await createRecognizer(offer);
    if (!made) return { ok: false, code: 'none' };
    current.current = made.recognizer;
    const listening = made.recognizer.listen();
    // A quick tap may end before the recogniser was ready: end the recording now.
    if (releasedEarly.current) made.recognizer.stop?.();
    try {
      return { ok: true, heard: await listening };
    } catch (error) {
      if (!(error instanceof RecognitionError)) throw error;
      if (error.code === 'denied') markProviderFailed(made.provider);
      return { ok: false, code: error.code };
    } finally {
      current.current = null;
    }
  }, [offer]);

  const release = useCallback(() => {
    if (current.current) current.current.stop?.();
    else releasedEarly.current = true;
  }, []);

  return { canListen, pushToTalk, wechat, press, release };
}
