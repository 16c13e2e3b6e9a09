import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent, Update } from 'telegraf/types';
import { startTelegram, type TelegramHandle } from '../../adapters/telegram/index.js';
import { CALLBACK_DATA_LIMIT, QuestionIds, askData } from '../../adapters/telegram/keyboard.js';
import { bootEngine } from '../../adapters/shared/boot-engine.js';
import type { Engine } from '../../src/engine/index.js';
import { FakeBotApi, apiError, type ApiCall } from './fake-bot-api.js';
import { ALLOWED_TAGS, BOT, TOKEN, callbackUpdate, captureLogger, inlineUpdate, mediaUpdate, tagsIn, testConfig, textUpdate } from './fixtures.js';

/**
 * The real telegraf client, long polling a stand-in Bot API on 127.0.0.1 through TELEGRAM_API_ROOT,
 * with the real engine and knowledge. The stand-in answers the first sendMessage with 429
 * retry_after 1, as Telegram does under load.
 */

interface Sent {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: InlineKeyboardMarkup;
  reply_parameters?: { message_id: number };
}

const messageIdOf = (u: Update) => (u as { message: { message_id: number } }).message.message_id;
const INJECTION = '<b>简报</b>发了多少期? <a href="https://evil.example/">点我</a> & 1<2';

let api: FakeBotApi;
let handle: TelegramHandle;
let engine: Engine;
const logger = captureLogger();

const updates = {
  private: textUpdate('网站公开了多少条?', { userId: 201 }),
  groupSilent: textUpdate('网站公开了多少条?', { group: true, chatId: -100200, userId: 202 }),
  groupMention: textUpdate('@gongkai_qa_bot 開了多少次新聞發布會?', { group: true, chatId: -100200, userId: 203, lang: 'zh-tw' }),
  callback: callbackUpdate('', { userId: 204 }),
  inline: inlineUpdate(INJECTION, { userId: 205 }),
  sticker: mediaUpdate('sticker', { userId: 206 }),
  injection: textUpdate(INJECTION, { userId: 207 }),
};

const sentTo = (chatId: number) => api.callsOf('sendMessage').filter((c) => c.status === 200 && c.payload['chat_id'] === chatId).map((c) => c.payload as unknown as Sent);
const answeredChats = (calls: ApiCall[]) => new Set(calls.filter((c) => c.method === 'sendMessage' && c.status === 200).map((c) => c.payload['chat_id']));

beforeAll(async () => {
  engine = bootEngine();
  // A tap on the second example question, as /start offers it.
  const example = engine.knowledge.meta.examples.zh[1] ?? '';
  (updates.callback as { callback_query: { data: string } }).callback_query.data = askData(QuestionIds.idOf(example));

  api = await FakeBotApi.start({
    token: TOKEN,
    me: BOT,
    respond: (call, nth) => (call.method === 'sendMessage' && nth === 1 ? apiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 }) : undefined),
  });
  api.queueUpdates(...Object.values(updates));
  handle = await startTelegram({ engine, config: testConfig({ TELEGRAM_API_ROOT: api.url }), logger });
  await api.waitFor(
    (calls) => {
      const chats = answeredChats(calls);
      return [201, -100200, 204, 206, 207].every((id) => chats.has(id)) && calls.some((c) => c.method === 'answerCallbackQuery') && calls.some((c) => c.method === 'answerInlineQuery');
    },
    15_000,
    'replies to every update',
  );
}, 30_000);

afterAll(async () => {
  await handle?.stop('test over');
  await api?.close();
});

describe('end to end through a stand-in Bot API', () => {
  it('starts like production: getMe, command menus, deleteWebhook, then long polling', () => {
    expect(handle.mode).toBe('polling');
    expect(api.callsOf('getMe')).toHaveLength(1);
    expect(api.callsOf('setMyCommands').map((c) => c.payload['language_code'])).toEqual([undefined, 'zh', 'en']);
    expect(api.callsOf('deleteWebhook')).toHaveLength(1);
    expect(api.callsOf('getUpdates').length).toBeGreaterThan(0);
  });

  it('retries the send refused with 429 after retry_after, with the same message', () => {
    const sends = api.callsOf('sendMessage');
    const refused = sends.filter((c) => c.status === 429);
    expect(refused).toHaveLength(1);
    const retried = sends.filter((c) => c.seq > (refused[0]?.seq ?? 0) && c.status === 200 && JSON.stringify(c.payload) === JSON.stringify(refused[0]?.payload));
    expect(retried).toHaveLength(1);
    expect(logger.events().filter((e) => e.event === 'telegram.retry')).toHaveLength(1);
  });

  it('answers a private question in HTML with the cited quote and suggestion buttons', () => {
    const [reply, ...more] = sentTo(201);
    expect(more).toEqual([]);
    expect(reply?.parse_mode).toBe('HTML');
    expect(reply?.reply_parameters).toBeUndefined();
    expect(reply?.text).toContain('13126');
    expect(reply?.text).toContain('<b>主动公开政府信息情况</b>');
    expect(reply?.text).toMatch(/<blockquote expandable>[^<]*13126条[^<]*<\/blockquote>/);
    const buttons = (reply?.reply_markup?.inline_keyboard ?? []).flat() as { callback_data: string }[];
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
  });

  it('in a group, answers the mention (as a reply, in the question script) and ignores the rest', () => {
    const replies = sentTo(-100200);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.reply_parameters?.message_id).toBe(messageIdOf(updates.groupMention));
    expect(replies[0]?.text).toContain('24');
    expect(replies[0]?.text).toContain('新聞發布會24次');
  });

  it('answers the callback query and asks the tapped question', () => {
    const answered = api.callsOf('answerCallbackQuery').map((c) => c.payload['callback_query_id']);
    expect(answered).toEqual([(updates.callback as { callback_query: { id: string } }).callback_query.id]);
    const [reply] = sentTo(204);
    expect(reply?.text.startsWith(`<i>❓ ${engine.knowledge.meta.examples.zh[1]}</i>`)).toBe(true);
    expect(reply?.text).toContain('<blockquote expandable>');
  });

  it('offers the answer to an inline query as an HTML article, the query escaped', () => {
    const [call] = api.callsOf('answerInlineQuery');
    expect(call?.payload['inline_query_id']).toBe((updates.inline as { inline_query: { id: string } }).inline_query.id);
    const [article] = call?.payload['results'] as InlineQueryResultArticle[];
    const content = article?.input_message_content as InputTextMessageContent;
    expect(article?.type).toBe('article');
    expect(content.parse_mode).toBe('HTML');
    expect(content.message_text).toContain('&lt;b&gt;简报&lt;/b&gt;发了多少期? &lt;a href="https://evil.example/"&gt;点我&lt;/a&gt; &amp; 1&lt;2');
    for (const tag of tagsIn(content.message_text)) expect(tag).toMatch(ALLOWED_TAGS);
  });

  it('tells a sticker sender that the bot reads text', () => {
    expect(sentTo(206).map((m) => m.text)).toEqual(['我只能读文字消息，请用文字提问。发送 /help 查看用法。']);
  });

  it('answers a question full of markup as text: only our own tags in the reply', () => {
    const [reply] = sentTo(207);
    expect(reply?.text).toContain('15');
    for (const tag of tagsIn(reply?.text ?? '')) expect(tag).toMatch(ALLOWED_TAGS);
    expect(reply?.text).not.toContain('<a ');
  });

  it('keeps serving after the 429: a later question is answered', async () => {
    api.queueUpdates(textUpdate('开了多少次新闻发布会?', { userId: 208 }));
    await api.waitFor((calls) => answeredChats(calls).has(208), 10_000, 'a reply to the later question');
    expect(sentTo(208)[0]?.text).toContain('24');
  });

  it('stops cleanly and never logs the token', async () => {
    await handle.stop('SIGTERM');
    await handle.done;
    expect(logger.events().some((e) => e.event === 'telegram.stopped')).toBe(true);
    for (const line of logger.lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(TOKEN.split(':')[1]);
    }
  });
});
