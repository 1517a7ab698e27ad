'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/Button';

/**
 * Reads the amount aloud once when shown, and again on request, where the browser can speak
 * (many Android WebViews cannot): a help, never a step the payment depends on.
 */
export function SpeakButton({ text, label, lang }: { text: string; label: string; lang: string }) {
  // false on the server and before hydration, so both render the same markup.
  const canSpeak = useSyncExternalStore(noChange, () => 'speechSynthesis' in window, () => false);
  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    speak(text, lang);
    return () => window.speechSynthesis.cancel();
  }, [text, lang]);
  if (!canSpeak) return null;
  return (
    <Button variant="secondary" className="w-fit" onPress={() => speak(text, lang)}>
      {label}
    </Button>
  );
}

const noChange = () => () => undefined;

function speak(text: string, lang: string): void {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.rate = 0.9;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}
