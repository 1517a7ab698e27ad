'use client';

import { RecognitionError, type Recognizer } from './recognition-error';

/**
 * Voice input inside WeChat through the official JS-SDK: the script is fetched only here (only
 * in WeChat with an official account configured), wx.config is signed by the server for the page
 * URL, and speech is recorded while the button is held, then turned into text by translateVoice.
 */
const SDK_URL = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
const LOAD_TIMEOUT_MS = 10_000;
// WeChat refuses or garbles recordings shorter than about a second.
const MIN_RECORDING_MS = 800;

interface WxResult {
  errMsg?: string;
}
interface WxCallbacks<T = WxResult> {
  success?: (res: T) => void;
  fail?: (res: WxResult) => void;
  cancel?: (res: WxResult) => void;
  complete?: (res: T) => void;
}
export interface Wx {
  config(options: Record<string, unknown>): void;
  ready(callback: () => void): void;
  error(callback: (res: WxResult) => void): void;
  startRecord(options: WxCallbacks): void;
  stopRecord(options: WxCallbacks<WxResult & { localId: string }>): void;
  onVoiceRecordEnd(options: WxCallbacks<WxResult & { localId: string }>): void;
  translateVoice(options: { localId: string; isShowProgressTips: number } & WxCallbacks<WxResult & { translateResult?: string }>): void;
}

export type WeChatStatus = 'off' | 'loading' | 'ready' | 'failed';

let status: WeChatStatus = 'off';
let sdk: Promise<Wx> | null = null;
let signedUrl: string | null = null;
let landingUrl: string | null = null;
const listeners = new Set<() => void>();

function setStatus(next: WeChatStatus): void {
  status = next;
  listeners.forEach((l) => l());
}

export const weChatStatus = {
  get: (): WeChatStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** A refused microphone, or a config WeChat rejected: the next provider takes over. */
  fail: () => setStatus('failed'),
};

export function isWeChat(): boolean {
  return /MicroMessenger\//i.test(navigator.userAgent);
}

function loadSdk(): Promise<Wx> {
  sdk ??= new Promise<Wx>((resolve, reject) => {
    const existing = (window as unknown as { wx?: Wx }).wx;
    if (existing) return resolve(existing);
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    const timer = setTimeout(() => reject(new Error('JS-SDK load timed out')), LOAD_TIMEOUT_MS);
    script.onload = () => {
      clearTimeout(timer);
      const wx = (window as unknown as { wx?: Wx }).wx;
      if (wx) resolve(wx);
      else reject(new Error('JS-SDK loaded without wx'));
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error('JS-SDK could not be loaded'));
    };
    document.head.appendChild(script);
  });
  return sdk;
}

/**
 * Signs and configures the JS-SDK for the page the visitor is on. iOS WeChat checks the
 * signature against the URL the visitor landed on; Android against the current one, so client
 * navigation re-signs there.
 */
export async function prepareWeChat(): Promise<void> {
  const current = location.href.split('#')[0]!;
  landingUrl ??= current;
  const url = /iPhone|iPad|iPod/i.test(navigator.userAgent) ? landingUrl : current;
  if (url === signedUrl || status === 'failed') return;
  signedUrl = url;
  if (status === 'off') setStatus('loading');
  try {
    const wx = await loadSdk();
    const response = await fetch('/api/wechat/jssdk', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    if (!response.ok) throw new Error(`wx.config refused: ${response.status}`);
    const signed = (await response.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string; jsApiList: string[] };
    await new Promise<void>((resolve, reject) => {
      wx.ready(resolve);
      wx.error((res) => reject(new Error(res.errMsg ?? 'config:fail')));
      wx.config({ debug: false, ...signed });
    });
    if (signedUrl === url) setStatus('ready');
  } catch (error) {
    console.warn('[voice] WeChat JS-SDK unavailable:', error instanceof Error ? error.message : error);
    setStatus('failed');
  }
}

const DENIED = /auth|deny|denied|permission|cancel/i;

/** Push-to-talk: listen() starts recording, stop() (the button released) ends it. */
export async function weChatRecognizer(): Promise<Recognizer> {
  const wx = await loadSdk();
  let active: { startedAt: number; started: boolean; stopAsked: boolean; settle: (text: Promise<string[]>) => void; fail: (e: Error) => void } | null = null;

  const translate = (localId: string) =>
    new Promise<string[]>((resolve, reject) => {
      wx.translateVoice({
        localId,
        isShowProgressTips: 1,
        success: (res) => resolve(res.translateResult ? [res.translateResult.replace(/[。.！!？?]+$/, '')] : []),
        fail: () => reject(new RecognitionError('failed')),
      });
    });

  const stopNow = () => {
    const run = active;
    if (!run) return;
    const tooShort = Date.now() - run.startedAt < MIN_RECORDING_MS;
    wx.stopRecord({
      success: (res) => (tooShort ? run.fail(new RecognitionError('too_short')) : run.settle(translate(res.localId))),
      fail: (res) => run.fail(new RecognitionError(tooShort || /short/i.test(res.errMsg ?? '') ? 'too_short' : 'failed')),
    });
  };

  return {
    pushToTalk: true,
    listen() {
      return new Promise<string[]>((resolve, reject) => {
        const run = {
          startedAt: Date.now(),
          started: false,
          stopAsked: false,
          settle: (text: Promise<string[]>) => {
            active = null;
            text.then(resolve, reject);
          },
          fail: (error: Error) => {
            active = null;
            reject(error);
          },
        };
        active = run;
        // WeChat stops by itself after 60 s; what was said is still worth translating.
        wx.onVoiceRecordEnd({ complete: (res) => active === run && run.settle(translate(res.localId)) });
        wx.startRecord({
          success: () => {
            run.started = true;
            if (run.stopAsked) stopNow();
          },
          fail: (res) => run.fail(new RecognitionError(DENIED.test(res.errMsg ?? '') ? 'denied' : 'failed')),
          cancel: () => run.fail(new RecognitionError('denied')),
        });
      });
    },
    stop() {
      if (!active) return;
      if (active.started) stopNow();
      else active.stopAsked = true;
    },
    abort() {
      if (!active) return;
      const run = active;
      active = null;
      wx.stopRecord({});
      run.fail(new RecognitionError('failed'));
    },
  };
}
