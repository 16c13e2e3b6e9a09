import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** What the Node server passes each request; absent when a test calls `app.request` in-process. */
export type HttpBindings = { incoming?: Pick<IncomingMessage, 'socket'> };

/** The Hono environment of this adapter's app, for adapters that add routes to it. */
export type HttpEnv = { Bindings: HttpBindings };

/**
 * The client a rate limit counts against: the peer's IP address. Forwarded-for headers are not
 * trusted, since any client can write them; behind a reverse proxy every request shares the
 * proxy's address, so limit there instead (or add a trusted-proxy setting). In-process requests
 * have no socket and share one bucket.
 */
export function clientKey(c: Context<HttpEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
