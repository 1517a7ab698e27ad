'use client';

import { azurePonyfill } from './recognition';

/**
 * Speaking to the resident: the browser's speechSynthesis, else Azure's through the same ponyfill
 * as recognition. Every function resolves even when nothing can speak, so nothing waits forever.
 */
interface Synth {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
}

let cached: Promise<Synth | null> | null = null;

export function hasNativeSpeech(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

function synthesizer(azureAvailable: boolean): Promise<Synth | null> {
  cached ??= (async () => {
    if (hasNativeSpeech()) return { synth: window.speechSynthesis, Utterance: window.SpeechSynthesisUtterance };
    if (!azureAvailable) return null;
    const ponyfill = await azurePonyfill();
    return ponyfill ? { synth: ponyfill.speechSynthesis, Utterance: ponyfill.SpeechSynthesisUtterance } : null;
  })();
  return cached;
}

export async function speak(text: string, azureAvailable: boolean): Promise<void> {
  const s = await synthesizer(azureAvailable);
  if (!s) return;
  await new Promise<void>((resolve) => {
    const utterance = new s.Utterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    s.synth.speak(utterance);
  });
}

export async function stopSpeaking(azureAvailable: boolean): Promise<void> {
  const s = await synthesizer(azureAvailable);
  s?.synth.cancel();
}
