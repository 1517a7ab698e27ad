'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { useRecognizer } from './use-recognizer';

/**
 * Speak instead of typing into a text field: the words heard are appended to the field named by
 * `fieldId`, as if typed, so the form's own state and validation see them. Hidden where this
 * browser cannot listen. Inside WeChat the button is held while speaking.
 */
export function DictationButton({
  fieldId,
  azure,
  wechat = false,
  labels,
}: {
  fieldId: string;
  azure: boolean;
  wechat?: boolean;
  labels: { start: string; listening: string; failed: string; denied: string; tooShort: string };
}) {
  const offer = useMemo(() => ({ azure, wechat }), [azure, wechat]);
  const mic = useRecognizer(offer);
  const [status, setStatus] = useState<'idle' | 'listening' | 'failed' | 'denied' | 'too_short'>('idle');
  if (!mic.canListen) return null;

  async function dictate() {
    const field = document.getElementById(fieldId) as HTMLTextAreaElement | HTMLInputElement | null;
    if (!field) return setStatus('failed');
    setStatus('listening');
    const hearing = await mic.press();
    if (!hearing.ok) return setStatus(hearing.code === 'denied' || hearing.code === 'too_short' ? hearing.code : 'failed');
    const [text] = hearing.heard;
    if (text) {
      const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      const setValue = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
      setValue?.call(field, `${field.value}${field.value ? ' ' : ''}${text}`);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    setStatus('idle');
  }

  const message = { idle: '', listening: labels.listening, failed: labels.failed, denied: labels.denied, too_short: labels.tooShort }[status];
  return (
    <div className="flex flex-wrap items-center gap-3">
      {/* Not isPending while listening: a pending button would swallow the release. */}
      <Button variant="secondary" onPressStart={() => void dictate()} onPressEnd={mic.release}>
        {labels.start}
      </Button>
      <span role="status" className="text-lg">
        {message}
      </span>
    </div>
  );
}
