import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { speechConfig, speechConnectSources } from '@/lib/speech/config';
import { issueSpeechToken } from '@/lib/speech/issue-token';

let server: http.Server;
let base = '';
const seenKeys: (string | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenKeys.push(req.headers['ocp-apim-subscription-key'] as string | undefined);
    if (req.headers['ocp-apim-subscription-key'] !== 'right-key') {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('eyJ.token.value');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sts/v1.0/issueToken`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('speech configuration', () => {
  it('is off without a key and region', () => {
    expect(speechConfig({ NODE_ENV: 'test' })).toBeNull();
  });

  it('defaults to Azure China hostnames', () => {
    const config = speechConfig({ NODE_ENV: 'test', AZURE_SPEECH_KEY: 'k', AZURE_SPEECH_REGION: 'chinaeast2' });
    expect(config).toMatchObject({
      stsUrl: 'https://chinaeast2.api.cognitive.azure.cn/sts/v1.0/issueToken',
      recognitionHost: 'chinaeast2.stt.speech.azure.cn',
      synthesisHost: 'chinaeast2.tts.speech.azure.cn',
    });
    expect(speechConnectSources(config)).toEqual(['wss://chinaeast2.stt.speech.azure.cn', 'https://chinaeast2.tts.speech.azure.cn']);
  });
});

describe('issuing a speech token', () => {
  it('exchanges the key on the server and hands out only the token', async () => {
    const config = speechConfig({ NODE_ENV: 'test', AZURE_SPEECH_KEY: 'right-key', AZURE_SPEECH_REGION: 'chinaeast2', AZURE_SPEECH_STS_URL: base })!;
    const token = await issueSpeechToken(config);
    expect(token).toEqual({
      token: 'eyJ.token.value',
      speechRecognitionHostname: 'chinaeast2.stt.speech.azure.cn',
      speechSynthesisHostname: 'chinaeast2.tts.speech.azure.cn',
      expiresInSeconds: 540,
    });
    expect(JSON.stringify(token)).not.toContain('right-key');
    expect(seenKeys.at(-1)).toBe('right-key');
  });

  it('reports a refused key as the service being unavailable', async () => {
    const config = speechConfig({ NODE_ENV: 'test', AZURE_SPEECH_KEY: 'wrong', AZURE_SPEECH_REGION: 'chinaeast2', AZURE_SPEECH_STS_URL: base })!;
    await expect(issueSpeechToken(config)).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'unavailable');
  });
});
