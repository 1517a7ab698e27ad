// Decodes server-action bodies with React's own decodeReply, as Next does (run with
// `node --conditions react-server`). Reads [{ type, body (base64) }] as JSON on stdin and prints,
// for each, "ok" or the error React raised. Used by tests/unit/server/action-body.test.ts.
import { createRequire } from 'node:module';
import Busboy from 'next/dist/compiled/busboy/index.js';
import { Readable } from 'node:stream';

const require = createRequire(import.meta.url);
const { decodeReply, decodeReplyFromBusboy, createTemporaryReferenceSet } = require('next/dist/compiled/react-server-dom-webpack/server.node');

function within(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('never settled')), ms))]);
}

async function decode({ type, body }) {
  const bytes = Buffer.from(body, 'base64');
  const temporaryReferences = createTemporaryReferenceSet();
  if (type.startsWith('text/plain')) return decodeReply(bytes.toString('utf8'), {}, { temporaryReferences });
  // As Next's action handler does for a fetch action with a multipart body.
  const busboy = Busboy({ defParamCharset: 'utf8', headers: { 'content-type': type }, limits: { fieldSize: 1024 * 1024 } });
  const [, args] = await Promise.all([
    new Promise((resolve, reject) => {
      busboy.on('error', reject);
      busboy.on('close', resolve);
      Readable.from([bytes]).pipe(busboy);
    }),
    decodeReplyFromBusboy(busboy, {}, { temporaryReferences }),
  ]);
  return args;
}

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const out = [];
  for (const item of JSON.parse(input)) {
    try {
      const args = await within(decode(item), 1000);
      out.push(Array.isArray(args) ? 'ok' : 'not an array');
    } catch (error) {
      out.push(String(error?.message ?? error));
    }
  }
  process.stdout.write(JSON.stringify(out));
});
