/** One recogniser, whichever provider is behind it. */
export interface Recognizer {
  /** Listens for one utterance; resolves with the recogniser's alternatives, best first. */
  listen(): Promise<string[]>;
  /** Push-to-talk providers record while the button is held: stop() is its release. */
  pushToTalk?: boolean;
  stop?(): void;
  abort(): void;
}

/** Why listening failed, in terms the resident can act on. */
export type RecognitionErrorCode = 'denied' | 'too_short' | 'failed';

export class RecognitionError extends Error {
  override readonly name = 'RecognitionError';

  constructor(readonly code: RecognitionErrorCode) {
    super(code);
  }
}
