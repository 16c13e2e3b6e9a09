import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Paths other sites load: the chat page (in the embed's iframe) and the embed script itself. */
const EMBEDDABLE = new Set(['/', '/embed.js']);

const SELF = ["'self'"];
const policy = (frameAncestors: string[]) => ({
  defaultSrc: SELF,
  scriptSrc: SELF,
  styleSrc: SELF,
  imgSrc: SELF,
  connectSrc: SELF,
  fontSrc: SELF,
  objectSrc: ["'none'"],
  baseUri: SELF,
  formAction: SELF,
  frameAncestors,
});

/**
 * Security headers with a CSP that allows only our own origin: no inline script or style, no
 * third-party hosts. The one opening is for embedding: the chat page may be framed by any site
 * (it holds no account or cookie a clickjacker could abuse), a page opened from disk included
 * (`*` matches only network schemes, so `file:` is named: a local draft of a city's page shows the
 * chat as the published one will), and /embed.js may be loaded
 * cross-origin; everything else refuses framing and cross-origin loading.
 */
export function securityHeaders(): MiddlewareHandler {
  const embeddable = secureHeaders({
    contentSecurityPolicy: policy(['*', 'file:']),
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
  });
  const strict = secureHeaders({ contentSecurityPolicy: policy(["'none'"]) });
  return (c, next) => (EMBEDDABLE.has(c.req.path) ? embeddable(c, next) : strict(c, next));
}
