'use client';

import { Button } from '@/components/ui/Button';
import { useVoice, type VoiceTexts } from './use-voice';

export interface VoiceLabels extends VoiceTexts {
  region: string;
  speak: string;
  read: string;
  stop: string;
  help: string;
  helpTitle: string;
  close: string;
  confirm: string;
  cancel: string;
  holdToTalk: string;
}

/**
 * The push-to-talk microphone, read-aloud and "我能说什么", always in the same place at the bottom
 * of the screen. Shown only when this browser can listen or speak; otherwise nothing appears and
 * nothing breaks. Messages stay until the next action: nothing here vanishes on its own.
 */
export function VoiceControl({ azure, wechat, labels }: { azure: boolean; wechat: boolean; labels: VoiceLabels }) {
  const voice = useVoice(azure, wechat, labels);
  if (!voice.canListen && !voice.canSpeak) return null;
  const { state } = voice;
  return (
    <>
      {/* Keeps the end of the page from hiding behind the fixed panel. */}
      <div aria-hidden="true" className="h-44 elder:h-56" />
    <section
      aria-label={labels.region}
      data-voice-ignore
      className="no-print fixed inset-x-0 bottom-0 z-40 border-t-2 border-warm bg-card/95 px-3 py-2 shadow-lg"
    >
      <div className="mx-auto flex max-w-3xl flex-col gap-2">
        <p role="status" className="text-lg empty:hidden" data-testid="voice-status">
          {state.kind === 'listening' && labels.listening}
          {/* The JS-SDK refused its config: said until the next message; the next provider listens. */}
          {state.kind === 'idle' && (state.message ?? (voice.wechatFailed ? labels.wechatUnavailable : ''))}
          {state.kind === 'confirming' && state.text}
          {state.kind === 'asking' && labels.askWhich}
        </p>
        {state.kind === 'help' && (
          <div className="flex flex-col gap-1">
            <h2 className="text-xl font-bold">{labels.helpTitle}</h2>
            <ul className="flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto text-lg" data-testid="voice-help">
              {state.phrases.map((p) => (
                <li key={p}>“{p}”</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {state.kind === 'confirming' && (
            <>
              <Button onPress={() => void voice.choose('confirm')}>{labels.confirm}</Button>
              <Button variant="secondary" onPress={() => void voice.choose('cancel')}>
                {labels.cancel}
              </Button>
            </>
          )}
          {state.kind === 'asking' &&
            state.options.map((o) => (
              <Button key={o.id} variant="secondary" onPress={() => void voice.choose(o.id)}>
                {o.label}
              </Button>
            ))}
          {voice.canListen && (
            // Press starts listening, release ends a held recording (WeChat records while held).
            // Not isPending while listening: a pending button would swallow the release.
            <Button
              onPressStart={() => void voice.listen()}
              onPressEnd={voice.release}
              aria-describedby={voice.pushToTalk ? 'voice-hold-hint' : undefined}
              className="min-w-32"
            >
              <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3" />
              </svg>
              {labels.speak}
            </Button>
          )}
          {voice.pushToTalk && (
            <span id="voice-hold-hint" className="text-lg">
              {labels.holdToTalk}
            </span>
          )}
          {voice.canSpeak && (
            <>
              <Button variant="secondary" onPress={voice.read}>
                {labels.read}
              </Button>
              <Button variant="secondary" onPress={voice.stop}>
                {labels.stop}
              </Button>
            </>
          )}
          {state.kind === 'help' ? (
            <Button variant="quiet" onPress={voice.close}>
              {labels.close}
            </Button>
          ) : (
            <Button variant="quiet" onPress={() => void voice.showHelp()}>
              {labels.help}
            </Button>
          )}
        </div>
      </div>
    </section>
    </>
  );
}
