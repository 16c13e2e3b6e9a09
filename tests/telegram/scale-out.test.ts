import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Update } from 'telegraf/types';
import { createSharedState, type SharedState } from '../../adapters/shared/state/index.js';
import { startTelegram, webhookSecret, type TelegramHandle } from '../../adapters/telegram/index.js';
import { bootEngine } from '../../adapters/shared/boot-engine.js';
import { RedisServer } from '../support/redis-server.js';
import { FakeBotApi } from './fake-bot-api.js';
import { BOT, TOKEN, captureLogger, testConfig, textUpdate } from './fixtures.js';

/**
 * Two bot instances in webhook mode behind one imagined load balancer: each its own engine, Hono
 * app and Redis connection, one stand-in Bot API and one real redis-server on a private port.
 */
const HOOK = 'https://bot.example.org/hooks/telegram';
let redis: RedisServer;
let api: FakeBotApi;
const handles: TelegramHandle[] = [];
const states: SharedState[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
  api = await FakeBotApi.start({ token: TOKEN, me: BOT });
});
afterAll(async () => {
  await Promise.all(handles.map((h) => h.stop('test over')));
  await Promise.all(states.map((s) => s.close()));
  await api.close();
  await redis.kill();
});

async function instance(env: Record<string, string> = {}) {
  const config = testConfig({ TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_URL: HOOK, REDIS_URL: redis.url, ...env });
  const logger = captureLogger();
  const state = await createSharedState(config, logger);
  states.push(state);
  const app = new Hono();
  handles.push(await startTelegram({ engine: bootEngine(), config, logger, http: { app }, state }));
  const post = (update: Update) =>
    app.request('/hooks/telegram', { method: 'POST', body: JSON.stringify(update), headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(TOKEN) } });
  return { post, logger };
}

const textsTo = (chat: number) => api.callsOf('sendMessage').filter((c) => c.payload['chat_id'] === chat).map((c) => String(c.payload['text']));

describe('Telegram on several instances sharing Redis', () => {
  it('answers a follow-up on B after the first question on A, and an update delivered to both only once', async () => {
    const a = await instance();
    const b = await instance();
    const first = textUpdate('How many press conferences were held?', { userId: 801, lang: 'en' });
    expect((await a.post(first)).status).toBe(200);
    expect((await b.post(first)).status).toBe(200);
    expect(textsTo(801)).toHaveLength(1);
    expect(b.logger.events().map((e) => e.event)).toContain('telegram.duplicate_update');
    await b.post(textUpdate('And by county governments?', { userId: 801, lang: 'en' }));
    expect(textsTo(801)[1]).toMatch(/\b8\b/);
    expect(textsTo(801)[1]).toMatch(/count(y|ies)/i);
  });

  it('keeps one flood window per chat across instances', async () => {
    const a = await instance({ TELEGRAM_FLOOD_PER_MINUTE: '1' });
    const b = await instance({ TELEGRAM_FLOOD_PER_MINUTE: '1' });
    await a.post(textUpdate('简报发了多少期?', { userId: 802 }));
    await b.post(textUpdate('简报发了多少期?', { userId: 802 }));
    await a.post(textUpdate('简报发了多少期?', { userId: 802 }));
    const texts = textsTo(802);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('15');
    expect(texts[1]).toBe('您提问得太快了，请稍等一分钟再问。');
  });

  it('apologizes while Redis is away and answers again once it is back', async () => {
    const a = await instance();
    await redis.kill();
    await a.post(textUpdate('简报发了多少期?', { userId: 803 }));
    expect(textsTo(803)).toEqual(['抱歉，出了点问题，请稍后再试。']);
    await redis.start();
    await vi.waitFor(() => expect(a.logger.events().map((e) => e.event)).toContain('state.redis_up'), { timeout: 10_000, interval: 100 });
    await a.post(textUpdate('简报发了多少期?', { userId: 803 }));
    expect(textsTo(803)[1]).toContain('15');
  });
});
