import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTelegram, type TelegramHandle, type TelegramTiming } from '../../adapters/telegram/index.js';
import { FakeBotApi, apiError, type ApiCall, type ApiResponse } from './fake-bot-api.js';
import { BOT, TOKEN, captureLogger, stubEngine, testConfig, textUpdate } from './fixtures.js';

/**
 * One chat's reply stuck (a 429 with a long retry_after, a sendMessage that never returns) must
 * cost that chat a bounded wait and nobody else anything: the real telegraf client long-polls the
 * stand-in Bot API, which misbehaves for chat A only.
 */
const A = 501;
const B = 502;

let api: FakeBotApi | undefined;
let handle: TelegramHandle | undefined;
afterEach(async () => {
  await handle?.stop('test over');
  await api?.close();
  handle = undefined;
  api = undefined;
});

async function start(forChatA: (nth: number) => ApiResponse | undefined, timing: Partial<TelegramTiming> = {}) {
  let nthForA = 0;
  api = await FakeBotApi.start({
    token: TOKEN,
    me: BOT,
    respond: (call) => (call.method === 'sendMessage' && call.payload['chat_id'] === A ? forChatA(++nthForA) : undefined),
  });
  const logger = captureLogger();
  handle = await startTelegram({ engine: stubEngine(), config: testConfig({ TELEGRAM_API_ROOT: api.url }), logger, timing });
  return { api, logger };
}

const sends = (calls: readonly Omit<ApiCall, 'status'>[], chat: number) => calls.filter((c) => c.method === 'sendMessage' && c.payload['chat_id'] === chat);
const answered = (api: FakeBotApi, chat: number) => sends(api.calls, chat).filter((c) => (c as ApiCall).status === 200);

describe('one stuck chat does not stall the others', () => {
  it("answers chat B while chat A's reply waits out a 429 retry_after=20", async () => {
    const { api } = await start((nth) => (nth === 1 ? apiError(429, 'Too Many Requests: retry after 20', { retry_after: 20 }) : undefined));
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: A }));
    await api.waitFor((calls) => sends(calls, A).length === 1, 8000, "chat A's 429");
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: B }));
    await api.waitFor(() => answered(api, B).length === 1, 8000, "chat B's answer");
    expect(sends(api.calls, A).map((c) => (c as ApiCall).status)).toEqual([429]);
    expect(sends(api.requests, A)).toHaveLength(1);
  });

  it('keeps answering when a sendMessage never returns: the call has a deadline, and the chat gets its answer on the retry', async () => {
    const { api, logger } = await start((nth) => (nth === 1 ? { status: 200, body: {}, delayMs: Infinity } : undefined), { callDeadlineMs: 300 });
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: A }));
    await api.waitFor(() => sends(api.requests, A).length === 1, 8000, "chat A's first sendMessage");
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: B }));
    await api.waitFor(() => answered(api, B).length === 1, 8000, "chat B's answer");
    await api.waitFor(() => answered(api, A).length === 1, 8000, "chat A's answer on the retry");
    api.queueUpdates(textUpdate('那其他形式呢?', { userId: A }));
    await api.waitFor(() => answered(api, A).length === 2, 8000, "chat A's next answer");
    const retry = logger.events().find((e) => e.event === 'telegram.retry');
    expect(JSON.stringify(retry)).toContain('sendMessage got no answer from the Bot API within 300 ms');
  });

  it('after a handler timeout sends the apology as one short attempt, and the chat is answered again', async () => {
    let stuck = true;
    const { api, logger } = await start(() => (stuck ? { status: 200, body: {}, delayMs: Infinity } : undefined), { handlerTimeoutMs: 300, callDeadlineMs: 60_000, apologyDeadlineMs: 300 });
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: A }));
    await vi.waitFor(() => expect(logger.events().map((e) => e.event)).toContain('telegram.apology_failed'), { timeout: 8000, interval: 50 });
    const [question, apology, ...more] = sends(api.requests, A);
    expect(more).toEqual([]);
    expect(question?.payload['text']).not.toBe(apology?.payload['text']);
    expect(apology?.payload['text']).toBe('抱歉，出了点问题，请稍后再试。');
    expect(JSON.stringify(logger.events().find((e) => e.event === 'telegram.apology_failed'))).toContain('within 300 ms');
    stuck = false;
    api.queueUpdates(textUpdate('网站公开了多少条?', { userId: A }));
    await api.waitFor(() => answered(api, A).length === 1, 8000, "chat A's next answer while its first call still hangs");
  });
});
