'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { collectPageCommands, labelOf, ROUTES, type PageCommand } from './page-commands';
import { readAloud } from './read-aloud';
import { hasNativeSpeech, speak, stopSpeaking } from './speaker';
import { useRecognizer } from './use-recognizer';
import { isWeChat, prepareWeChat } from './wechat';

/**
 * The voice assistant's state machine: idle → listening → (acting | asking back | confirming).
 * Costly actions (paying, asking for a refund) are confirmed spoken and on screen first.
 */
export type VoiceState =
  | { kind: 'idle'; message?: string }
  | { kind: 'listening' }
  | { kind: 'asking'; options: { id: string; label: string }[] }
  | { kind: 'confirming'; text: string; element: HTMLElement }
  | { kind: 'help'; phrases: string[] };

export interface VoiceTexts {
  listening: string;
  heard: string;
  notUnderstood: string;
  askWhich: string;
  confirmPrompt: string;
  cancelled: string;
  failed: string;
  denied: string;
  tooShort: string;
  wechatUnavailable: string;
}

const VOICE_SESSION = 'nx-voice';
const noSubscription = () => () => undefined;

export function useVoice(azure: boolean, wechat: boolean, texts: VoiceTexts) {
  const router = useRouter();
  const pathname = usePathname();
  const offer = useMemo(() => ({ azure, wechat }), [azure, wechat]);
  const mic = useRecognizer(offer);
  // Whether this browser can speak never changes while the page is open; the server renders "nothing".
  const canSpeak = useSyncExternalStore(noSubscription, () => hasNativeSpeech() || azure, () => false);
  const [state, setState] = useState<VoiceState>({ kind: 'idle' });
  const reading = useRef(false);

  // Inside WeChat, wx.config is signed for each page the visitor reaches.
  useEffect(() => {
    if (wechat && isWeChat()) void prepareWeChat();
  }, [wechat, pathname]);

  const say = useCallback((text: string) => speak(text, azure), [azure]);

  const confirmFor = useCallback(
    (element: HTMLElement) => {
      const text = `${(element.dataset.voiceConfirm ?? labelOf(element)).replace(/[。.]$/, '')}。${texts.confirmPrompt}`;
      setState({ kind: 'confirming', text, element });
      void say(text);
    },
    [say, texts.confirmPrompt],
  );

  // Arriving by voice on a page that asks for a costly step: read the amount and wait for "确认".
  // The new page's content is in the document by the next frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const costly = document.querySelector<HTMLElement>('[data-voice-confirm]');
      if (costly && sessionStorage.getItem(VOICE_SESSION) === '1') confirmFor(costly);
      else setState({ kind: 'idle' });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname, confirmFor]);

  const setMode = useCallback(
    (mode: 'elder' | 'standard') => {
      document.cookie = `nx-mode=${mode}; path=/; max-age=31536000; samesite=lax; secure`;
      router.refresh();
    },
    [router],
  );

  const showHelp = useCallback(async () => {
    const { GLOBAL_VOICE_COMMANDS, RESIDENT_VOICE_COMMANDS } = await import('@/lib/voice');
    const page = collectPageCommands(RESIDENT_VOICE_COMMANDS);
    const phrases = [...RESIDENT_VOICE_COMMANDS, ...page, ...GLOBAL_VOICE_COMMANDS].map((c) => c.labels[0] ?? '').filter(Boolean);
    setState({ kind: 'help', phrases: [...new Set(phrases)] });
  }, []);

  const act = useCallback(
    async (id: string, page: PageCommand[]) => {
      sessionStorage.setItem(VOICE_SESSION, '1');
      const pending = state.kind === 'confirming' ? state.element : null;
      if (id === 'confirm') {
        // Saying "确认" after hearing the amount is the explicit consent the form's written tick-box asks for.
        const consent = document.querySelector<HTMLInputElement>('form:has([data-voice-confirm]) input[type=checkbox]:not(:checked)');
        if (pending && consent) {
          consent.click();
          // Let the page render the ticked box before the button reads it.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (pending) pending.click();
        setState({ kind: 'idle' });
        return;
      }
      if (id === 'cancel') return setState({ kind: 'idle', message: texts.cancelled });
      if (id === 'help') return showHelp();
      if (id === 'back') return router.back();
      if (id === 'read') {
        reading.current = true;
        return readAloud(say, () => !reading.current);
      }
      if (id === 'stop') {
        reading.current = false;
        return stopSpeaking(azure);
      }
      if (id === 'larger' || id === 'mode-elder') return setMode('elder');
      if (id === 'smaller' || id === 'mode-standard') return setMode('standard');
      if (id === 'hotline') {
        const tel = document.querySelector<HTMLAnchorElement>('a[href^="tel:"]');
        return tel?.click();
      }
      const element = page.find((c) => c.id === id)?.element;
      if (element) {
        if (element.hasAttribute('data-voice-costly')) return confirmFor(element);
        element.click();
        // A step on the same page (下一步) may bring up a costly confirmation: read it out.
        return setTimeout(() => {
          const costly = document.querySelector<HTMLElement>('[data-voice-confirm]');
          if (costly) confirmFor(costly);
        }, 300);
      }
      const route = ROUTES[id];
      if (route) router.push(route);
    },
    [azure, confirmFor, router, say, setMode, showHelp, state, texts.cancelled],
  );

  const listen = useCallback(async () => {
    // Started before anything is awaited, so a release during the loading below is not lost.
    const hearingPromise = mic.press();
    setState((s) => (s.kind === 'confirming' ? s : { kind: 'listening' }));
    const { createVoiceMatcher, GLOBAL_VOICE_COMMANDS, RESIDENT_VOICE_COMMANDS } = await import('@/lib/voice');
    const page = collectPageCommands(RESIDENT_VOICE_COMMANDS);
    const available = [...RESIDENT_VOICE_COMMANDS, ...page];
    const matcher = createVoiceMatcher(available);
    const hearing = await hearingPromise;
    if (!hearing.ok) {
      const message = { denied: texts.denied, too_short: texts.tooShort, failed: texts.failed, none: texts.failed }[hearing.code];
      return setState({ kind: 'idle', message });
    }
    const heard = hearing.heard;
    for (const utterance of heard) {
      const result = matcher.match(utterance);
      if (result.kind === 'match') return act(result.id, page);
      if (result.kind === 'ask') {
        const label = (id: string) => [...available, ...GLOBAL_VOICE_COMMANDS].find((c) => c.id === id)?.labels[0] ?? id;
        const options = result.candidates.map((id) => ({ id, label: label(id) }));
        setState({ kind: 'asking', options });
        return say(`${texts.askWhich}${options.map((o) => o.label).join('，还是')}？`);
      }
    }
    const message = heard[0] ? `${texts.heard}${heard[0]}。${texts.notUnderstood}` : texts.notUnderstood;
    setState({ kind: 'idle', message });
    void say(message);
  }, [act, mic, say, texts]);

  const choose = useCallback(
    async (id: string) => {
      const { RESIDENT_VOICE_COMMANDS } = await import('@/lib/voice');
      await act(id, collectPageCommands(RESIDENT_VOICE_COMMANDS));
    },
    [act],
  );

  return { canListen: mic.canListen, pushToTalk: mic.pushToTalk, wechatFailed: mic.wechat === 'failed', canSpeak, state, listen, release: mic.release, choose, showHelp, close: () => setState({ kind: 'idle' }), read: () => act('read', []), stop: () => act('stop', []) };
}
