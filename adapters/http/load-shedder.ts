import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../shared/logger.js';

export interface LoadShedderOptions {
  /** Open connections served; a request on a connection opened beyond them is shed. */
  maxConnections: number;
  /** Requests in progress at once; one more is shed. */
  maxRequests: number;
  logger: Logger;
  /** For the once-a-second warning; tests may pass a fake. */
  clock?: () => number;
}

/** Probes are never shed: a liveness check failing under load would get a busy process restarted. */
const PROBES = new Set(['/healthz', '/readyz']);
const BODY = JSON.stringify({ error: { code: 'OVERLOADED', message: 'The server is busy; try again in a second.' } });
const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': String(Buffer.byteLength(BODY)),
  'Retry-After': '1',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  Connection: 'close',
};

/**
 * Caps the work the server takes on, and answers the excess with 503 and Retry-After at once,
 * before any routing or body reading: under a flood a fast "try again" beats a slow timeout for
 * everyone. Counts live here, in Node's terms (sockets and responses), ahead of the Hono app.
 */
export function createLoadShedder({ maxConnections, maxRequests, logger, clock = Date.now }: LoadShedderOptions) {
  let connections = 0;
  let inFlight = 0;
  const beyondCap = new WeakSet<Socket>();
  let shedSinceWarning = 0;
  let lastWarning = Number.NEGATIVE_INFINITY;

  const shed = (res: ServerResponse) => {
    res.writeHead(503, HEADERS).end(BODY);
    shedSinceWarning += 1;
    const now = clock();
    if (now - lastWarning >= 1000) {
      logger.warn('http.shed', { requests: shedSinceWarning, connections, inFlight, maxConnections, maxRequests });
      lastWarning = now;
      shedSinceWarning = 0;
    }
  };

  return {
    /** Call on every new connection (the server's `connection` event). */
    track(socket: Socket): void {
      connections += 1;
      if (connections > maxConnections) beyondCap.add(socket);
      socket.once('close', () => {
        connections -= 1;
      });
    },
    /** True when the request may go on; otherwise it has been answered 503 already. */
    admit(req: IncomingMessage, res: ServerResponse): boolean {
      const probe = PROBES.has((req.url ?? '').split('?')[0] ?? '');
      if (!probe && (beyondCap.has(req.socket) || inFlight >= maxRequests)) {
        shed(res);
        return false;
      }
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
      });
      return true;
    },
  };
}
