import { readConfig, type Config } from '../../adapters/config/index.js';
import { createHttpApp, type HttpApp } from '../../adapters/http/index.js';
import { bootEngine } from '../../adapters/shared/boot-engine.js';
import { silentLogger, type Logger } from '../../adapters/shared/logger.js';
import type { Engine } from '../../src/engine/index.js';
import type { Answer } from '../../src/types.js';

/** The bundled knowledge, loaded once per test file. */
let shared: Engine | undefined;
export const engine = (): Engine => (shared ??= bootEngine());

/** The defaults `npm start` runs with, plus what a test changes. */
export const testConfig = (overrides: Record<string, string> = {}): Config => readConfig(overrides);

/** A clock tests move by hand, so rate-limit windows pass without waiting. */
export function fakeClock(start = Date.UTC(2026, 0, 1, 12, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

export interface AppOptions {
  env?: Record<string, string>;
  clock?: () => number;
  logger?: Logger;
  engine?: Engine;
}

export function makeApp(options: AppOptions = {}): HttpApp {
  return createHttpApp({
    engine: options.engine ?? engine(),
    config: testConfig(options.env),
    logger: options.logger ?? silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** Node's server hands each request its socket; in-process tests pretend to be one client. */
export const fromIp = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

export type AskReply = Answer & { sessionId: string };

export function postAsk(app: HttpApp, body: unknown, init: { headers?: Record<string, string>; env?: object } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return app.request('/api/ask', { method: 'POST', body: raw, headers: { 'Content-Type': 'application/json', ...init.headers } }, init.env);
}

/** Asks and returns the parsed reply, failing loudly on anything but 200. */
export async function ask(app: HttpApp, question: string, sessionId?: string): Promise<AskReply> {
  const res = await postAsk(app, sessionId ? { question, sessionId } : { question });
  if (res.status !== 200) throw new Error(`POST /api/ask ${question} → ${res.status} ${await res.text()}`);
  return (await res.json()) as AskReply;
}

/** A logger that keeps what it was told, for tests about what reaches the log. */
export function recordingLogger() {
  const lines: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level, event, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}
