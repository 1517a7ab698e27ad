import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Headers every HTTPS response carries. Scripts run only with this request's nonce (Next reads it
 * from the request's Content-Security-Policy header and stamps its own scripts with it).
 */
export interface CspSources {
  /** Where the browser may connect besides this site (speech services). */
  connect?: readonly string[];
  /** Where forms may post besides this site (a configured payment cashier). */
  formActions?: readonly string[];
  /**
   * Script hosts besides this site: only WeChat's JS-SDK, only for visitors inside WeChat when an
   * official account is configured (see weChatScriptSources). Browsers that honour
   * 'strict-dynamic' ignore host sources; older WeChat X5 kernels do not, and need the host.
   */
  scripts?: readonly string[];
}

export const WECHAT_JSSDK_ORIGIN = 'https://res.wx.qq.com';
export const WECHAT_JSSDK_URL = `${WECHAT_JSSDK_ORIGIN}/open/js/jweixin-1.6.0.js`;

/** The JS-SDK host for a request from WeChat's in-app browser, nothing for anyone else. */
export function weChatScriptSources(userAgent: string | undefined, officialAccountConfigured: boolean): string[] {
  return officialAccountConfigured && userAgent !== undefined && /MicroMessenger\//i.test(userAgent) ? [WECHAT_JSSDK_ORIGIN] : [];
}

export function contentSecurityPolicy(nonce: string, dev: boolean, { connect = [], formActions = [], scripts = [] }: CspSources = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${scripts.map((s) => ` ${s}`).join('')}${dev ? ` 'unsafe-eval'` : ''}`,
    // React Aria positions overlays with inline style attributes.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${connect.map((c) => ` ${c}`).join('')}${dev ? ' ws: wss:' : ''}`,
    `media-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    // Payment channels whose cashier is reached by a posted form (Alipay), only when configured.
    `form-action 'self'${formActions.map((origin) => ` ${origin}`).join('')}`,
    `frame-ancestors 'none'`,
    `upgrade-insecure-requests`,
  ].join('; ');
}

export const PERMISSIONS_POLICY = 'microphone=(self), camera=(), geolocation=(), payment=(self), usb=(), interest-cohort=()';

/**
 * 16 bytes from the system's CSPRNG per request, drawn from a block fetched 4 KB at a time: one
 * call into the generator per 256 requests instead of one per request (measurable at the peak).
 */
const NONCE_BYTES = 16;
let entropy = Buffer.alloc(0);
let used = 0;

export function nextNonce(): string {
  if (used + NONCE_BYTES > entropy.length) {
    entropy = randomBytes(NONCE_BYTES * 256);
    used = 0;
  }
  used += NONCE_BYTES;
  return entropy.toString('base64', used - NONCE_BYTES, used);
}

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, dev: boolean, sources: CspSources = {}): void {
  const nonce = nextNonce();
  const csp = contentSecurityPolicy(nonce, dev, sources);
  req.headers['content-security-policy'] = csp;
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
