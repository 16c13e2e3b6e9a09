import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, with the common case decided from the headers alone. Hono's reads
 * `c.req.raw.body` first, which on Node makes @hono/node-server build a full web Request and
 * stream for every request (most of the API's per-request cost); a request that declares its
 * Content-Length (and no Transfer-Encoding), and any GET or HEAD, is judged without touching the body.
 * Chunked bodies still go through Hono's, which counts the bytes as they arrive.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) return onError(c);
      return next();
    }
    return counting(c, next);
  };
}
