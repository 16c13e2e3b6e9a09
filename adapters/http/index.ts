/**
 * The HTTP adapter: a JSON API over `engine.ask` and the embeddable web chat, on Hono.
 * `createHttpApp` builds the app (tests call it in-process; other adapters add routes to it);
 * `startHttpServer` makes it listen.
 */
export { createHttpApp, MAX_BODY_BYTES, type HttpApp, type HttpAppOptions } from './create-app.js';
export { startHttpServer, type RunningHttpServer, type StartHttpServerOptions } from './start-server.js';
export type { HttpEnv } from './client-key.js';
