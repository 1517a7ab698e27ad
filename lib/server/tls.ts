import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

/** The certificate the HTTPS server presents: given files, or a self-signed one kept in .data/tls. */
export interface TlsFiles {
  key: Buffer;
  cert: Buffer;
}

/** Generates the self-signed certificate once; returns the paths of the PEM files. */
export async function ensureSelfSigned(dir: string): Promise<{ certPath: string; keyPath: string }> {
  const certPath = path.join(dir, 'cert.pem');
  const keyPath = path.join(dir, 'key.pem');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    await mkdir(dir, { recursive: true });
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 825 * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    await writeFile(keyPath, pems.private, { mode: 0o600 });
    await writeFile(certPath, pems.cert);
  }
  return { certPath, keyPath };
}

export async function loadTls(opts: { certFile?: string; keyFile?: string; dir: string }): Promise<TlsFiles> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new Error('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither.');
    return { cert: await readFile(opts.certFile), key: await readFile(opts.keyFile) };
  }
  const { certPath, keyPath } = await ensureSelfSigned(opts.dir);
  return { cert: await readFile(certPath), key: await readFile(keyPath) };
}
