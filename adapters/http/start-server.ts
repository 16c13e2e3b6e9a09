import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Engine } from '../../src/engine/index.js';
import { AdapterError } from '../../src/errors.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { createHttpApp, type HttpApp } from './create-app.js';

export interface StartHttpServerOptions {
  engine: Engine;
  config: Pick<Config, 'HOST' | 'PORT' | 'CORS_ORIGINS' | 'HTTP_RATE_LIMIT_PER_MINUTE'>;
  logger: Logger;
  /** An app built with createHttpApp to which another adapter has added routes; built here if absent. */
  app?: HttpApp;
}

export interface RunningHttpServer {
  /** Where the server listens, e.g. http://127.0.0.1:3000 (the real port when PORT is 0). */
  url: string;
  /** Stops accepting connections and resolves once open requests have finished. */
  close(): Promise<void>;
}

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * Listens on HOST:PORT and logs the URL, so `npm start` prints where the chat is. Warms the engine
 * first so the first traditional-Chinese question does not pay for building the converter. A port
 * already in use (or not permitted) rejects with an AdapterError saying what to change.
 */
export async function startHttpServer({ engine, config, logger, app }: StartHttpServerOptions): Promise<RunningHttpServer> {
  const handler = app ?? createHttpApp({ engine, config, logger });
  engine.warmUp();
  // A client gets 10 s to send its headers and 30 s for the whole request, so slow senders cannot hold sockets.
  const server: Server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, getRequestListener(handler.fetch));
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

  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
