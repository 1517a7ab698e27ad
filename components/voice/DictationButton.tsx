'use client';

import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/Button';
import { browserRecognitionConstructor, createRecognizer } from './recognition';

const noSubscription = () => () => undefined;

/**
 * Speak instead of typing into a text field: the words heard are appended to the field named by
 * `fieldId`, as if typed, so the form's own state and validation see them. Hidden where this
 * browser cannot listen.
 */
export function DictationButton({ fieldId, azure, labels }: { fieldId: string; azure: boolean; labels: { start: string; listening: string; failed: string } }) {
  const canListen = useSyncExternalStore(noSubscription, () => browserRecognitionConstructor() !== null || azure, () => false);
  const [status, setStatus] = useState<'idle' | 'listening' | 'failed'>('idle');
  if (!canListen) return null;

  async function dictate() {
    const field = document.getElementById(fieldId) as HTMLTextAreaElement | HTMLInputElement | null;
    const recognizer = await createRecognizer(azure);
    if (!field || !recognizer) return setStatus('failed');
    setStatus('listening');
    try {
      const [text] = await recognizer.listen();
      if (text) {
        const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        const setValue = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
        setValue?.call(field, `${field.value}${field.value ? ' ' : ''}${text}`);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      setStatus('idle');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onPress={() => void dictate()} isPending={status === 'listening'}>
        {labels.start}
      </Button>
      <span role="status" className="text-lg">
        {status === 'listening' ? labels.listening : status === 'failed' ? labels.failed : ''}
      </span>
    </div>
  );
}
