import { z } from 'zod';
import { PAYMENT_ENV_SHAPE, paymentSettings, type PaymentSettings } from './payments/settings';
import { parseKeyring, type PiiKeyring } from './privacy/field-crypto';

/**
 * The server's configuration, parsed once. A missing or malformed variable stops start-up with a
 * message naming it. scripts/start.ts fills DATABASE_URL and, in demo mode, generated secrets.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  PII_KEYS: z.string().min(1, 'must list at least one key as id:base64key'),
  PII_ACTIVE_KEY_ID: z.string().min(1),
  PII_HMAC_KEY: z.string().min(1),
  /** Demo mode: one-time codes are also shown on the sign-in page. Never in production. */
  NUANXIN_DEMO: z.enum(['0', '1']).default('0'),
  /** Server processes sharing the ports (server.ts forks them with Node cluster). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Whether this process runs background jobs (every process may; pg-boss shares them out). */
  JOBS: z.enum(['0', '1']).default('1'),
  /** Years after which settled bills and audit entries move to the archive tables (never deleted). */
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  HOST: z.string().default('127.0.0.1'),
  HTTPS_PORT: z.coerce.number().int().min(1).max(65535).default(3443),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3080),
  PUBLIC_ORIGIN: z.url().optional(),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  /** Refunds above this many fen need a supervisor's second approval. */
  REFUND_SUPERVISOR_THRESHOLD_FEN: z.coerce.number().int().min(0).max(100_000_000).default(50_000),
  /** The utility's promise: money back within this many working days of the request. */
  REFUND_PROMISE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Payment attempts of a refund at the channels before it is escalated to staff. */
  REFUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /**
   * `server` (default): this process terminates TLS 1.3 itself. `proxy`: a trusted reverse proxy
   * (nginx, an ingress) terminates TLS and forwards plain HTTP on PORT; never expose PORT directly.
   */
  TLS_MODE: z.enum(['server', 'proxy']).default('server'),
  /** The plain-HTTP port behind a proxy (TLS_MODE=proxy). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Seconds SIGTERM waits for requests in flight and running jobs before the process exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  /** V8's heap limit per server process, in MB (applied at launch: lib/runtime/spawn-server.ts, Dockerfile). */
  HEAP_LIMIT_MB: z.coerce.number().int().min(128).max(16_384).default(320),
  /** Page loads rendered at once per process; more wait in line (lib/server/in-flight.ts). */
  RENDERS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  /** Page loads allowed to wait per process, and for how long, before a 503 “please retry”. */
  RENDER_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(2000),
  RENDER_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  ...PAYMENT_ENV_SHAPE,
});

export type Env = z.infer<typeof schema> & { piiKeyring: PiiKeyring; demo: boolean; payments: PaymentSettings };

let cached: Env | undefined;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Nuanxin configuration is invalid:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.TLS_MODE === 'proxy' && !env.PUBLIC_ORIGIN) {
    throw new Error('Nuanxin configuration is invalid:\n  PUBLIC_ORIGIN: required with TLS_MODE=proxy (the https:// address the proxy serves)');
  }
  const demo = env.NUANXIN_DEMO === '1';
  let payments: PaymentSettings;
  try {
    payments = paymentSettings(env, demo);
  } catch (error) {
    throw new Error(`Nuanxin configuration is invalid:\n  ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    ...env,
    demo,
    payments,
    piiKeyring: parseKeyring(env.PII_KEYS, env.PII_ACTIVE_KEY_ID, env.PII_HMAC_KEY),
  };
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
