import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Telegram, TelegramError } from 'telegraf';
import { CallDeadlineError, callOnce, installRetry, retryDelay } from '../../adapters/telegram/retry-api.js';
import { FakeBotApi, apiError, type ApiResponse } from './fake-bot-api.js';
import { BOT, TOKEN, captureLogger } from './fixtures.js';

const telegramError = (code: number, retryAfter?: number) =>
  new TelegramError({ error_code: code, description: 'x', ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }) });

describe('retryDelay', () => {
  it('waits what a 429 says, backs off on 5xx and network errors, and gives up on the rest', () => {
    expect(retryDelay(telegramError(429, 3), 0)).toBe(3000);
    expect(retryDelay(telegramError(429, 3600), 0)).toBeUndefined();
    expect(retryDelay(telegramError(502), 0)).toBe(500);
    expect(retryDelay(telegramError(502), 2)).toBe(2000);
    expect(retryDelay(Object.assign(new Error('reset'), { name: 'FetchError', code: 'ECONNRESET' }), 1)).toBe(1000);
    expect(retryDelay(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 0)).toBe(500);
    expect(retryDelay(telegramError(400), 0)).toBeUndefined();
    expect(retryDelay(telegramError(403), 0)).toBeUndefined();
    expect(retryDelay(Object.assign(new Error('aborted'), { name: 'AbortError' }), 0)).toBeUndefined();
    expect(retryDelay(new TypeError('bug'), 0)).toBeUndefined();
    expect(retryDelay(new CallDeadlineError('sendMessage', 10_000), 1)).toBe(1000);
  });
});

describe('installRetry against a stand-in Bot API', () => {
  let api: FakeBotApi;
  let plan: (method: string, nth: number) => ApiResponse | undefined = () => undefined;
  beforeAll(async () => {
    api = await FakeBotApi.start({ token: TOKEN, me: BOT, respond: (call, nth) => plan(call.method, nth) });
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.reset();
    plan = () => undefined;
  });

  function client() {
    const telegram = new Telegram(TOKEN, { apiRoot: api.url });
    const sleeps: number[] = [];
    const logger = captureLogger();
    installRetry(telegram, { logger, sleep: async (ms) => void sleeps.push(ms) });
    return { telegram, sleeps, logger };
  }

  it('honours 429 retry_after and then succeeds', async () => {
    plan = (method, nth) => (method === 'sendMessage' && nth === 1 ? apiError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }) : undefined);
    const { telegram, sleeps, logger } = client();
    const sent = await telegram.sendMessage(1, 'hi');
    expect(sent.text).toBe('hi');
    expect(api.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(sleeps).toEqual([7000]);
    expect(logger.events().filter((e) => e.event === 'telegram.retry')).toHaveLength(1);
  });

  it('backs off on server errors and gives up after four tries', async () => {
    plan = (method) => (method === 'sendMessage' ? apiError(502, 'Bad Gateway') : undefined);
    const { telegram, sleeps } = client();
    await expect(telegram.sendMessage(1, 'hi')).rejects.toThrow('502');
    expect(api.callsOf('sendMessage')).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('does not retry a request Telegram refused', async () => {
    plan = (method) => (method === 'sendMessage' ? apiError(400, "Bad Request: can't parse entities") : undefined);
    const { telegram, sleeps } = client();
    await expect(telegram.sendMessage(1, '<b>')).rejects.toThrow('400');
    expect(api.callsOf('sendMessage')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('keeps all attempts and waits of one call within its total budget', async () => {
    plan = (method) => (method === 'sendMessage' ? apiError(429, 'Too Many Requests: retry after 20', { retry_after: 20 }) : undefined);
    const telegram = new Telegram(TOKEN, { apiRoot: api.url });
    let clock = 0;
    const sleeps: number[] = [];
    const logger = captureLogger();
    installRetry(telegram, { logger, budgetMs: 30_000, now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)) });
    await expect(telegram.sendMessage(1, 'hi')).rejects.toThrow('429');
    expect(api.callsOf('sendMessage')).toHaveLength(2);
    expect(sleeps).toEqual([20_000]);
    expect(logger.events().map((e) => e.event)).toEqual(['telegram.retry', 'telegram.retry_budget_spent']);
  });

  it('gives every attempt a deadline and retries a call that got no answer', async () => {
    plan = (method, nth) => (method === 'sendMessage' && nth === 1 ? { status: 200, body: {}, delayMs: Infinity } : undefined);
    const telegram = new Telegram(TOKEN, { apiRoot: api.url });
    const sleeps: number[] = [];
    installRetry(telegram, { logger: captureLogger(), deadlineMs: 200, sleep: async (ms) => void sleeps.push(ms) });
    const sent = await telegram.sendMessage(1, 'hi');
    expect(sent.text).toBe('hi');
    expect(api.requests.map((r) => r.method)).toEqual(['sendMessage', 'sendMessage']);
    expect(sleeps).toEqual([500]);
  });

  it('sends once, around the retry, with a deadline of its own', async () => {
    plan = (method) => (method === 'sendMessage' ? { status: 200, body: {}, delayMs: Infinity } : undefined);
    const telegram = new Telegram(TOKEN, { apiRoot: api.url });
    installRetry(telegram, { logger: captureLogger(), sleep: async () => undefined });
    await expect(callOnce(telegram, 'sendMessage', { chat_id: 1, text: 'sorry' }, 200)).rejects.toBeInstanceOf(CallDeadlineError);
    expect(api.requests.map((r) => r.method)).toEqual(['sendMessage']);
  });

  it('leaves getUpdates to the poller', async () => {
    plan = (method) => (method === 'getUpdates' ? apiError(502, 'Bad Gateway') : undefined);
    const { telegram } = client();
    await expect(telegram.getUpdates(0, 1, 0, [])).rejects.toThrow('502');
    expect(api.callsOf('getUpdates')).toHaveLength(1);
  });

  it('retries network failures, and its logs never show the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const telegram = new Telegram(TOKEN, { apiRoot: `http://127.0.0.1:${port}` });
    const sleeps: number[] = [];
    const logger = captureLogger();
    installRetry(telegram, { logger, sleep: async (ms) => void sleeps.push(ms) });
    await expect(telegram.sendMessage(1, 'hi')).rejects.toThrow();
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(logger.lines.length).toBe(3);
    for (const line of logger.lines) expect(line).not.toContain(TOKEN.split(':')[1]);
  });
});
