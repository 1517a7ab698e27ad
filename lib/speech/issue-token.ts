import { AppError } from '@/lib/errors/app-error';
import type { SpeechConfig } from './config';

export interface SpeechToken {
  token: string;
  speechRecognitionHostname: string;
  speechSynthesisHostname: string;
  expiresInSeconds: number;
}

/** Exchanges the subscription key for a short-lived token at Azure's token service. */
export async function issueSpeechToken(config: SpeechConfig): Promise<SpeechToken> {
  let response: Response;
  try {
    response = await fetch(config.stsUrl, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': config.key, 'content-length': '0' },
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new AppError('unavailable', `speech token service unreachable: ${error instanceof Error ? error.message : error}`);
  }
  if (!response.ok) throw new AppError('unavailable', `speech token service answered ${response.status}`);
  const token = (await response.text()).trim();
  if (!token) throw new AppError('unavailable', 'speech token service sent an empty token');
  return {
    token,
    speechRecognitionHostname: config.recognitionHost,
    speechSynthesisHostname: config.synthesisHost,
    // Azure tokens last 10 minutes; the browser renews a minute early.
    expiresInSeconds: 540,
  };
}
