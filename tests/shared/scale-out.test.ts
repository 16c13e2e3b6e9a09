import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../adapters/config/index.js';
import { createHttpApp, type HttpApp } from '../../adapters/http/index.js';
import { bootEngine } from '../../adapters/shared/boot-engine.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { createMemoryState, createSharedState, type SharedState } from '../../adapters/shared/state/index.js';
import type { Answer } from '../../src/types.js';
import { RedisServer } from '../support/redis-server.js';

/**
 * Two instances (each its own engine, Hono app and Redis connection) behind one imagined load
 * balancer, sharing a real redis-server started here on a private port.
 */
let redis: RedisServer;
const states: SharedState[] = [];
beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await Promise.all(states.map((s) => s.close()));
  await redis.kill();
});

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
  return { logger, events: () => lines.map((l) => JSON.parse(l) as { event: string; level: string }) };
}

/** Mid-window on a fixed clock, so the rate limit's one-minute window never turns over during a test. */
const MID_WINDOW = () => 1_700_000_030_000;

async function instance(env: Record<string, string> = {}) {
  const config = readConfig({ REDIS_URL: redis.url, ...env });
  const { logger, events } = capture();
  const state = await createSharedState(config, logger);
  states.push(state);
  const app = createHttpApp({ engine: bootEngine(), config, logger, state, clock: MID_WINDOW });
  return { app, events, state };
}

type Reply = Answer & { sessionId: string };
const ask = async (app: HttpApp, question: string, sessionId?: string, env?: object) => {
  const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, ...(sessionId ? { sessionId } : {}) }) }, env);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply & { error?: { code: string; message: string } } };
};
const fromIp = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('several instances sharing Redis', () => {
  it('resolves a follow-up asked on instance B after the first question on instance A', async () => {
    const a = await instance();
    const b = await instance();
    const first = await ask(a.app, 'How many press conferences were held?');
    expect(first.body.intent).toBe('press.total');
    const followUp = await ask(b.app, 'And by county governments?', first.body.sessionId);
    expect(followUp.body).toMatchObject({ outcome: 'answered', intent: 'press.county' });
    expect(followUp.body.text).toContain('8');
    // Without the shared store, B would read the same words as a new question.
    const alone = createHttpApp({ engine: bootEngine(), config: readConfig({}), logger: capture().logger, state: createMemoryState() });
    expect((await ask(alone, 'And by county governments?', first.body.sessionId)).body.intent).not.toBe('press.county');
  });

  it('counts one rate limit across both instances', async () => {
    const a = await instance({ HTTP_RATE_LIMIT_PER_MINUTE: '3' });
    const b = await instance({ HTTP_RATE_LIMIT_PER_MINUTE: '3' });
    const client = fromIp('198.51.100.7');
    expect((await ask(a.app, '简报发了多少期?', undefined, client)).status).toBe(200);
    expect((await ask(b.app, '简报发了多少期?', undefined, client)).status).toBe(200);
    expect((await ask(a.app, '简报发了多少期?', undefined, client)).status).toBe(200);
    const refused = await ask(b.app, '简报发了多少期?', undefined, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ask(b.app, '简报发了多少期?', undefined, fromIp('198.51.100.8'))).status).toBe(200);
  });

  it('shares flood windows and seen ids between instances', async () => {
    const a = (await instance()).state;
    const b = (await instance()).state;
    const options = { perWindow: 2, clock: () => 1_000_000 };
    const verdicts = [await a.floodLimit('t', options).take('chat:1'), await b.floodLimit('t', options).take('chat:1'), await a.floodLimit('t', options).take('chat:1'), await b.floodLimit('t', options).take('chat:1')];
    expect(verdicts).toEqual(['allow', 'allow', 'notice', 'drop']);
    expect(await a.floodLimit('t', { ...options, clock: () => 1_060_000 }).take('chat:1')).toBe('allow');
    expect(await a.seenCache('u', { ttlMs: 60_000 }).firstSeen('update:7')).toBe(true);
    expect(await b.seenCache('u', { ttlMs: 60_000 }).firstSeen('update:7')).toBe(false);
  });

  it('answers 503 with a clear message and logs while Redis is away, and recovers when it is back', async () => {
    const a = await instance();
    expect((await ask(a.app, '简报发了多少期?')).status).toBe(200);
    await redis.kill();
    const during = await ask(a.app, '简报发了多少期?');
    expect(during.status).toBe(503);
    expect(during.body.error?.code).toBe('UNAVAILABLE');
    expect(during.body.error?.message).toContain('ask again in a few seconds');
    expect(during.headers.get('retry-after')).toBe('5');
    await vi.waitFor(() => expect(a.events().map((e) => e.event)).toEqual(expect.arrayContaining(['state.redis_down', 'http.state_unavailable'])), { timeout: 5000, interval: 50 });
    await redis.start();
    await vi.waitFor(async () => expect((await ask(a.app, '简报发了多少期?')).status).toBe(200), { timeout: 10_000, interval: 200 });
    expect(a.events().map((e) => e.event)).toContain('state.redis_up');
  });

  it('refuses to start when Redis cannot be reached, naming REDIS_URL', async () => {
    const config = readConfig({ REDIS_URL: 'redis://:secret@127.0.0.1:1/0' });
    const attempt = createSharedState(config, capture().logger);
    await expect(attempt).rejects.toThrow(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0 .*REDIS_URL/);
  });
});
