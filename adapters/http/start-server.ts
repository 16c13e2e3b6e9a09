import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Engine } from '../../src/engine/index.js';
import { AdapterError } from '../../src/errors.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { onClientError } from './client-errors.js';
import { createHttpApp, type HttpApp } from './create-app.js';
import { createLoadShedder } from './load-shedder.js';

/** The variables the server reads (and createHttpApp, when it builds the app itself). */
export type HttpServerConfig = Pick<
  Config,
  | 'HOST'
  | 'PORT'
  | 'CORS_ORIGINS'
  | 'HTTP_RATE_LIMIT_PER_MINUTE'
  | 'HTTP_EXPLAIN'
  | 'HTTP_MAX_CONNECTIONS'
  | 'HTTP_MAX_CONCURRENT_REQUESTS'
  | 'HTTP_HEADERS_TIMEOUT_SECONDS'
  | 'HTTP_REQUEST_TIMEOUT_SECONDS'
>;

export interface StartHttpServerOptions {
  engine: Engine;
  config: HttpServerConfig;
  logger: Logger;
  /** An app built with createHttpApp to which another adapter has added routes; built here if absent. */
  app?: HttpApp;
}

export interface RunningHttpServer {
  /** Where the server listens, e.g. http://127.0.0.1:3000 (the real port when PORT is 0). */
  url: string;
  /**
   * Drains: refuses new connections at once, closes idle keep-alive ones, lets requests in progress
   * finish (each answered with `Connection: close`), and after `deadlineMs` closes whatever is
   * still open. Resolves true when everything finished in time. Calling it again returns the same drain.
   */
  close(deadlineMs?: number): Promise<boolean>;
}

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);
const DEFAULT_DRAIN_MS = 10_000;
/** How often a draining server looks for connections that have just become idle. */
const DRAIN_SWEEP_MS = 100;

/**
 * How often Node checks the header and request timeouts. Node's default is 30 s, so a 10 s header
 * timeout fired only after up to 40 s; a quarter of the shorter timeout (at most 1 s) keeps each
 * within a second of its setting, for a check that costs a walk over the open connections.
 */
export function checkingIntervalMs(headersTimeoutMs: number): number {
  return Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)));
}

/**
 * Listens on HOST:PORT and logs the URL, so `npm start` prints where the chat is. Warms the engine
 * first so the first traditional-Chinese question does not pay for building the converter. A port
 * already in use (or not permitted) rejects with an AdapterError saying what to change. Ahead of
 * the app sit the load shedder (503 beyond the connection and request caps) and the timeouts that
 * keep slow senders from holding sockets.
 */
export async function startHttpServer({ engine, config, logger, app }: StartHttpServerOptions): Promise<RunningHttpServer> {
  const handler = app ?? createHttpApp({ engine, config, logger });
  engine.warmUp();
  const listener = getRequestListener(handler.fetch);
  const shedder = createLoadShedder({ maxConnections: config.HTTP_MAX_CONNECTIONS, maxRequests: config.HTTP_MAX_CONCURRENT_REQUESTS, logger });
  const headersTimeout = config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000;
  let draining = false;
  // Responses not yet finished, so a drain can tell each to close its connection when done.
  const open = new Set<ServerResponse>();
  const server: Server = createServer(
    { headersTimeout, requestTimeout: config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000, connectionsCheckingInterval: checkingIntervalMs(headersTimeout) },
    (req, res) => {
      if (draining) res.setHeader('Connection', 'close');
      if (!shedder.admit(req, res)) return;
      open.add(res);
      res.once('close', () => open.delete(res));
      void listener(req, res);
    },
  );
  server.on('connection', (socket) => shedder.track(socket));
  server.on('clientError', onClientError(logger));
  await new Promise<void>((resolve, reject) => {
    const onError = (cause: NodeJS.ErrnoException) => {
      const hint = cause.code === 'EADDRINUSE' ? 'the port is in use; set PORT to a free port (or 0 for any)' : 'check HOST and PORT';
      reject(new AdapterError('http', `cannot listen on ${config.HOST}:${config.PORT}: ${cause.message}; ${hint}`, { cause }));
    };
    server.once('error', onError);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (error) => logger.error('http.server_error', { error }));
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostForUrl(config.HOST)}:${port}`;
  logger.info('http.listening', { url });

  let drained: Promise<boolean> | undefined;
  return {
    url,
    close(deadlineMs = DEFAULT_DRAIN_MS) {
      drained ??= new Promise<boolean>((resolve) => {
        draining = true;
        for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
        let inTime = true;
        const sweep = setInterval(() => server.closeIdleConnections(), DRAIN_SWEEP_MS);
        const deadline = setTimeout(() => {
          inTime = false;
          logger.warn('http.drain_deadline', { deadlineMs, help: 'requests still open at the deadline were cut off' });
          server.closeAllConnections();
        }, deadlineMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve(inTime);
        });
        server.closeIdleConnections();
      });
      return drained;
    },
  };
}
