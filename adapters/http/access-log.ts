import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../shared/logger.js';

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * One log line per request: method, path, status and milliseconds. Never the question or the IP
 * address, which may identify a citizen. Probes log at debug so they do not drown the rest.
 */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const fields = { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (PROBES.has(c.req.path)) logger.debug('http.request', fields);
    else logger.info('http.request', fields);
  };
}
