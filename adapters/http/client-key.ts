import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import proxyAddr from 'proxy-addr';

/** What the Node server passes each request; absent when a test calls `app.request` in-process. */
export type HttpBindings = { incoming?: Pick<IncomingMessage, 'socket'>; outgoing?: Pick<ServerResponse, 'setHeader'> };

/** The Hono environment of this adapter's app, for adapters that add routes to it. */
export type HttpEnv = { Bindings: HttpBindings };

/**
 * The client a rate limit counts against: the peer's IP address. Forwarded-for headers are not
 * trusted, since any client can write them; behind a reverse proxy set TRUST_PROXY (see
 * clientKeyFor). In-process requests have no socket and share one bucket.
 */
export function clientKey(c: Context<HttpEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The client key behind trusted proxies (TRUST_PROXY: addresses, CIDRs or proxy-addr's names):
 * X-Forwarded-For is read from the right, hop by hop, only while the hop it came from is trusted,
 * so a client cannot pick its own quota by writing the header, and citizens behind the city's
 * proxy each get their own. With no trusted proxy this is `clientKey`.
 */
export function clientKeyFor(trustProxy: readonly string[]): (c: Context<HttpEnv>) => string {
  if (trustProxy.length === 0) return clientKey;
  const trust = proxyAddr.compile([...trustProxy]);
  return (c) => {
    const remoteAddress = c.env?.incoming?.socket?.remoteAddress;
    if (!remoteAddress) return 'unknown';
    const forwarded = c.req.header('x-forwarded-for');
    const request = { headers: forwarded ? { 'x-forwarded-for': forwarded } : {}, socket: { remoteAddress } };
    return proxyAddr(request as unknown as IncomingMessage, trust);
  };
}
