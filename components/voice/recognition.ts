'use client';

/**
 * Speech recognition behind one interface: the browser's own SpeechRecognition where it exists,
 * else Azure Speech through web-speech-cognitive-services (loaded only when the microphone is first
 * used, with a token from /api/speech/token). Where neither exists the microphone is not offered.
 */
export interface Recognizer {
  /** Listens for one utterance; resolves with the recogniser's alternatives, best first. */
  listen(): Promise<string[]>;
  abort(): void;
}

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
        rec.onerror = (event) => reject(new Error(event.error ?? 'recognition failed'));
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

export async function createRecognizer(azureAvailable: boolean): Promise<Recognizer | null> {
  const native = browserRecognitionConstructor();
  if (native) return fromConstructor(native);
  if (!azureAvailable) return null;
  const ponyfill = await azurePonyfill();
  return ponyfill ? fromConstructor(ponyfill.SpeechRecognition) : null;
}
