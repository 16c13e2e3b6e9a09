import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram, webhookPath, webhookSecret, type TelegramHandle } from '../../adapters/telegram/index.js';
import { createHttpApp } from '../../adapters/http/index.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { AdapterError } from '../../src/errors.js';
import { FakeBotApi, apiError, type ApiResponse } from './fake-bot-api.js';
import { BOT, TOKEN, captureLogger, stubEngine, testConfig, textUpdate } from './fixtures.js';

const HOOK = 'https://bot.example.org/hooks/telegram';

let api: FakeBotApi | undefined;
let handle: TelegramHandle | undefined;
afterEach(async () => {
  await handle?.stop('test over');
  await api?.close();
  handle = undefined;
  api = undefined;
});

async function start(options: { env?: Record<string, string>; respond?: (method: string, nth: number) => ApiResponse | undefined; app?: Hono } = {}) {
  api = await FakeBotApi.start({ token: TOKEN, me: BOT, ...(options.respond ? { respond: (c, nth) => options.respond?.(c.method, nth) } : {}) });
  const logger = captureLogger();
  const engine = stubEngine();
  const config = testConfig({ TELEGRAM_API_ROOT: api.url, ...options.env });
  handle = await startTelegram({ engine, config, logger, ...(options.app ? { http: { app: options.app } } : {}) });
  return { api, logger, engine, handle };
}

describe('webhook helpers', () => {
  it('serves the path of the public URL and derives a secret Telegram accepts', () => {
    expect(webhookPath('https://bot.example.org/hooks/telegram?x=1')).toBe('/hooks/telegram');
    expect(webhookPath('https://bot.example.org')).toBe('/');
    const secret = webhookSecret(TOKEN);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(secret).not.toContain(TOKEN);
    expect(webhookSecret(TOKEN)).toBe(secret);
    expect(webhookSecret(`${TOKEN}x`)).not.toBe(secret);
  });
});

describe('startTelegram with TELEGRAM_WEBHOOK_URL', () => {
  it('mounts the webhook on the given Hono app, sets it with a secret token, and answers updates through it', async () => {
    const app = new Hono();
    const { api, handle, logger } = await start({ env: { TELEGRAM_WEBHOOK_URL: HOOK }, app });
    expect(handle.mode).toBe('webhook');
    const [setWebhook] = api.callsOf('setWebhook');
    expect(setWebhook?.payload).toMatchObject({ url: HOOK, secret_token: webhookSecret(TOKEN), allowed_updates: ['message', 'callback_query', 'inline_query'] });
    expect(api.callsOf('getUpdates')).toEqual([]);
    expect(api.callsOf('deleteWebhook')).toEqual([]);

    const post = (body: string, secret?: string) =>
      app.request('/hooks/telegram', { method: 'POST', body, headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) } });
    const update = JSON.stringify(textUpdate('网站公开了多少条?', { userId: 77 }));
    expect((await post(update)).status).toBe(403);
    expect((await post(update, 'wrong')).status).toBe(403);
    expect(api.callsOf('sendMessage')).toEqual([]);

    expect((await post(update, webhookSecret(TOKEN))).status).toBe(200);
    expect(api.callsOf('sendMessage').map((c) => c.payload['chat_id'])).toEqual([77]);

    expect((await post('{not json', webhookSecret(TOKEN))).status).toBe(400);
    expect((await post('{"hello":1}', webhookSecret(TOKEN))).status).toBe(400);
    expect((await app.request('/hooks/telegram')).status).toBe(404);

    await handle.stop('test');
    expect((await post(update, webhookSecret(TOKEN))).status).toBe(503);
    await handle.done;
    for (const line of logger.lines) expect(line).not.toContain(TOKEN);
    expect(logger.lines.join('\n')).not.toContain(webhookSecret(TOKEN));
  });

  it("mounts on the project's HTTP app, beside its API and middleware", async () => {
    api = await FakeBotApi.start({ token: TOKEN, me: BOT });
    const engine = stubEngine();
    const config = testConfig({ TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_URL: HOOK });
    const app = createHttpApp({ engine, config, logger: silentLogger });
    handle = await startTelegram({ engine, config, logger: silentLogger, http: { app } });
    const response = await app.request('/hooks/telegram', {
      method: 'POST',
      body: JSON.stringify(textUpdate('网站公开了多少条?', { userId: 78 })),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(TOKEN) },
    });
    expect(response.status).toBe(200);
    expect(api.callsOf('sendMessage').map((c) => c.payload['chat_id'])).toEqual([78]);
  });

  it('answers 200 even when handling an update fails, so Telegram does not resend it forever', async () => {
    const app = new Hono();
    const { api } = await start({ env: { TELEGRAM_WEBHOOK_URL: HOOK }, app, respond: (method) => (method === 'sendMessage' ? apiError(400, 'Bad Request: chat not found') : undefined) });
    const response = await app.request('/hooks/telegram', {
      method: 'POST',
      body: JSON.stringify(textUpdate('问题')),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(TOKEN) },
    });
    expect(response.status).toBe(200);
    expect(api.callsOf('sendMessage').length).toBeGreaterThan(0);
  });
});

describe('startTelegram with long polling', () => {
  it('checks the token, registers the command menus in Chinese and English, removes any webhook and polls', async () => {
    const { api, handle } = await start();
    expect(handle.mode).toBe('polling');
    expect(api.callsOf('getMe')).toHaveLength(1);
    const menus = api.callsOf('setMyCommands').map((c) => c.payload);
    expect(menus.map((m) => m['language_code'])).toEqual([undefined, 'zh', 'en']);
    expect((menus[2]?.['commands'] as { command: string }[]).map((c) => c.command)).toEqual(['start', 'help', 'sections', 'reports', 'source', 'why']);
    expect(api.callsOf('deleteWebhook')).toHaveLength(1);
    await api.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'), 5000, 'a getUpdates');
    expect(api.callsOf('getUpdates')[0]?.payload).toMatchObject({ allowed_updates: ['message', 'callback_query', 'inline_query'] });
  });

  it('on 409 Conflict says what to do and stops, instead of retrying in a loop', async () => {
    const { api, handle, logger } = await start({ respond: (method) => (method === 'getUpdates' ? apiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running') : undefined) });
    await handle.done;
    expect(api.callsOf('getUpdates')).toHaveLength(1);
    const conflict = logger.events().find((e) => e.event === 'telegram.conflict');
    expect(conflict?.level).toBe('error');
    expect(String(conflict?.['help'])).toContain('another instance');
    expect(String(conflict?.['help'])).toContain('deleteWebhook');
    for (const line of logger.lines) expect(line).not.toContain(TOKEN);
  });

  it('rejects a token Telegram does not know with an AdapterError pointing to @BotFather', async () => {
    api = await FakeBotApi.start({ token: 'another', me: BOT });
    const attempt = startTelegram({ engine: stubEngine(), config: testConfig({ TELEGRAM_API_ROOT: api.url }), logger: captureLogger() });
    await expect(attempt).rejects.toBeInstanceOf(AdapterError);
    await expect(attempt).rejects.toThrow('@BotFather');
  });

  it('refuses to start without a token', async () => {
    await expect(startTelegram({ engine: stubEngine(), config: testConfig({ TELEGRAM_BOT_TOKEN: undefined }), logger: captureLogger() })).rejects.toThrow('TELEGRAM_BOT_TOKEN');
  });

  it('stop() lets the reply being sent finish before it resolves', async () => {
    const { api, handle } = await start({ respond: (method) => (method === 'sendMessage' ? { status: 200, body: { ok: true, result: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'x' } }, delayMs: 300 } : undefined) });
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: 5 }));
    await api.waitFor(() => api.received.includes('sendMessage'), 5000, 'a sendMessage request');
    expect(api.callsOf('sendMessage')).toEqual([]);
    await handle.stop('SIGTERM');
    expect(api.callsOf('sendMessage').map((c) => c.status)).toEqual([200]);
    await handle.done;
  });
});
