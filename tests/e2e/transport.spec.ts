import http from 'node:http';
import tls from 'node:tls';
import { expect, test } from '@playwright/test';
import { E2E_HTTP_PORT, E2E_HTTPS_PORT } from '../../playwright.config';

function handshake(maxVersion: tls.SecureVersion, minVersion: tls.SecureVersion): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect(
      { host: '127.0.0.1', port: E2E_HTTPS_PORT, servername: 'localhost', minVersion, maxVersion, rejectUnauthorized: false },
      () => {
        const version = socket.getProtocol() ?? 'unknown';
        socket.end();
        resolve(version);
      },
    );
    socket.on('error', (error) => resolve(`refused: ${error.message}`));
  });
}

test('TLS 1.3 is accepted and TLS 1.2 and below are refused at the handshake', async () => {
  expect(await handshake('TLSv1.3', 'TLSv1.3')).toBe('TLSv1.3');
  expect(await handshake('TLSv1.2', 'TLSv1.2')).toMatch(/^refused/);
  expect(await handshake('TLSv1.2', 'TLSv1')).toMatch(/^refused/);
});

test('plain HTTP answers only with a redirect to HTTPS', async () => {
  const { status, location } = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: E2E_HTTP_PORT, path: '/accounts?x=1', headers: { host: 'localhost' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
      .on('error', reject);
  });
  expect(status).toBe(308);
  expect(location).toBe(`https://localhost:${E2E_HTTPS_PORT}/accounts?x=1`);
});

test('responses carry HSTS, a nonce-based CSP and the other security headers', async ({ request }) => {
  const res = await request.get('/');
  const h = res.headers();
  expect(h['strict-transport-security']).toContain('max-age=');
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('microphone=(self)');
  const nonce = h['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1];
  expect(await res.text()).toContain(`nonce="${nonce}"`);
});

test('the health check reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'up', database: 'up' });
});
