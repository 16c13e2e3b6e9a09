import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from './client-key.js';

/** Paths other sites load: the chat page (in the embed's iframe) and the embed script itself. */
const EMBEDDABLE = new Set(['/', '/embed.js']);

/** A CSP allowing only our own origin, framed by `frameAncestors`. */
const policy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');

/** What every reply carries, whoever may frame or load it (the usual hardening headers, helmet's set). */
const COMMON: [string, string][] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/** The headers of the chat page and /embed.js: any site, a page opened from disk included, may frame or load them. */
export const EMBEDDABLE_HEADERS: readonly (readonly [string, string])[] = [
  ...COMMON,
  ['Content-Security-Policy', policy('* file:')],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
];

/** The headers of everything else: no framing, no cross-origin loading. */
export const STRICT_HEADERS: readonly (readonly [string, string])[] = [
  ...COMMON,
  ['Content-Security-Policy', policy("'none'")],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Frame-Options', 'SAMEORIGIN'],
];

/**
 * Security headers with a CSP that allows only our own origin: no inline script or style, no
 * third-party hosts. The one opening is for embedding: the chat page may be framed by any site
 * (it holds no account or cookie a clickjacker could abuse), a page opened from disk included
 * (`*` matches only network schemes, so `file:` is named: a local draft of a city's page shows the
 * chat as the published one will), and /embed.js may be loaded cross-origin; everything else
 * refuses framing and cross-origin loading.
 *
 * The two sets are fixed, so they are built once. Served by Node, they go straight onto the Node
 * response before the route runs (Node merges them into the head it writes), which keeps the
 * reply's own headers a plain object: setting them on the web Response instead made
 * @hono/node-server build a full Headers object for every reply. No route sets any of these
 * headers. In-process (`app.request`, no Node response) they are set on the Response.
 */
export function securityHeaders(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const headers = EMBEDDABLE.has(c.req.path) ? EMBEDDABLE_HEADERS : STRICT_HEADERS;
    const outgoing = c.env?.outgoing;
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      await next();
      return;
    }
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
