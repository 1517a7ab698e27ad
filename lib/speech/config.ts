/**
 * Azure Speech (Azure China by default) for recognition and read-aloud where the browser has no
 * speech of its own. The key stays on the server; browsers get 10-minute tokens.
 */
export interface SpeechConfig {
  key: string;
  region: string;
  stsUrl: string;
  recognitionHost: string;
  synthesisHost: string;
}

export function speechConfig(source: NodeJS.ProcessEnv = process.env): SpeechConfig | null {
  const key = source.AZURE_SPEECH_KEY;
  const region = source.AZURE_SPEECH_REGION;
  if (!key || !region) return null;
  const cloud = source.AZURE_SPEECH_CLOUD === 'global' ? { api: 'api.cognitive.microsoft.com', speech: 'speech.microsoft.com' } : { api: 'api.cognitive.azure.cn', speech: 'speech.azure.cn' };
  return {
    key,
    region,
    stsUrl: source.AZURE_SPEECH_STS_URL ?? `https://${region}.${cloud.api}/sts/v1.0/issueToken`,
    recognitionHost: source.AZURE_SPEECH_STT_HOST ?? `${region}.stt.${cloud.speech}`,
    synthesisHost: source.AZURE_SPEECH_TTS_HOST ?? `${region}.tts.${cloud.speech}`,
  };
}

/** Where the browser's speech connections may go (Content-Security-Policy connect-src). */
export function speechConnectSources(config: SpeechConfig | null): string[] {
  return config ? [`wss://${config.recognitionHost}`, `https://${config.synthesisHost}`] : [];
}
