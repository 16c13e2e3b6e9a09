import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent } from 'telegraf/types';
import { createTelegramBot } from '../../adapters/telegram/index.js';
import { CALLBACK_DATA_LIMIT } from '../../adapters/telegram/keyboard.js';
import { TELEGRAM_TEXT_LIMIT } from '../../adapters/telegram/split-message.js';
import type { Engine } from '../../src/engine/index.js';
import type { Question } from '../../src/types.js';
import { FakeBotApi } from './fake-bot-api.js';
import {
  ALLOWED_TAGS,
  BOT,
  TOKEN,
  callbackUpdate,
  captureLogger,
  inlineUpdate,
  mediaUpdate,
  stubAnswer,
  stubEngine,
  tagsIn,
  testConfig,
  textUpdate,
  visibleText,
} from './fixtures.js';

interface SentMessage {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: InlineKeyboardMarkup;
  reply_parameters?: { message_id: number };
  link_preview_options?: { is_disabled?: boolean };
}

let api: FakeBotApi;
beforeAll(async () => {
  api = await FakeBotApi.start({ token: TOKEN, me: BOT });
});
afterAll(() => api.close());
beforeEach(() => api.reset());

function makeBot(options: { env?: Record<string, string>; engine?: Engine & { questions: Question[] }; clock?: () => number } = {}) {
  const engine = options.engine ?? stubEngine();
  const logger = captureLogger();
  const bot = createTelegramBot({
    engine,
    config: testConfig({ TELEGRAM_API_ROOT: api.url, ...options.env }),
    logger,
    botInfo: BOT,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { bot, engine, logger };
}

const sent = () => api.callsOf('sendMessage').map((c) => c.payload as unknown as SentMessage);
const buttonsOf = (m: SentMessage | undefined) => (m?.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];

describe('private questions', () => {
  it('answers in HTML: the statement, the section title in bold, the quote in an expandable blockquote, suggestions as buttons', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('网站公开了多少条?', { userId: 7 }));
    const [reply, ...more] = sent();
    expect(more).toEqual([]);
    expect(reply?.chat_id).toBe(7);
    expect(reply?.parse_mode).toBe('HTML');
    expect(reply?.link_preview_options?.is_disabled).toBe(true);
    expect(reply?.reply_parameters).toBeUndefined();
    expect(reply?.text).toBe(
      '您问的是:网站公开了多少条?\n\n来源:<b>主动公开政府信息情况</b>\n<blockquote expandable>主动公开政府信息13126条,&lt;其他&gt;形式 &amp; 672条。</blockquote>',
    );
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['以其他形式公开了多少条信息?', '不予公开的信息有多少条?']);
    for (const b of buttonsOf(reply)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(engine.questions).toEqual([{ text: '网站公开了多少条?', session: 'telegram:7:7' }]);
    expect(api.callsOf('getMe')).toEqual([]);
  });

  it('escapes injected markup: <, >, & and a fake link come back as text', async () => {
    const { bot } = makeBot();
    const evil = '<b>x</b> & <a href="https://evil.example/">点我</a> 1<2>0';
    await bot.handleUpdate(textUpdate(evil));
    const text = sent()[0]?.text ?? '';
    expect(text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="https://evil.example/"&gt;点我&lt;/a&gt; 1&lt;2&gt;0');
    expect(text).not.toContain('<a');
    for (const tag of tagsIn(text)) expect(tag).toMatch(ALLOWED_TAGS);
    expect(visibleText(text)).toContain(evil);
  });

  it('splits an answer over 4096 characters at sentence ends, the keyboard under the last part', async () => {
    const long = '这是一个很长的回答句子,用来检验拆分。'.repeat(500);
    const { bot } = makeBot({ engine: stubEngine(() => stubAnswer('x', { message: long })) });
    await bot.handleUpdate(textUpdate('长问题'));
    const messages = sent();
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    for (const m of messages.slice(0, -2)) expect(m.text.endsWith('。')).toBe(true);
    expect(messages.slice(0, -1).every((m) => !m.reply_markup)).toBe(true);
    expect(buttonsOf(messages.at(-1))).toHaveLength(2);
    expect(messages.map((m) => visibleText(m.text)).join('')).toContain(long);
  });

  it('offers clarify options as buttons', async () => {
    const options = ['网站公开了多少条?', '公开总数是多少?'];
    const { bot } = makeBot({ engine: stubEngine(() => stubAnswer('x', { outcome: 'clarify', message: '您想问的是哪一个？', citations: [], suggestions: options })) });
    await bot.handleUpdate(textUpdate('公开了多少'));
    expect(buttonsOf(sent()[0]).map((b) => b.text)).toEqual(options);
  });
});

describe('groups', () => {
  it('stays silent unless mentioned or replied to', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('网站公开了多少条?', { group: true }));
    await bot.handleUpdate(textUpdate('@other_bot 网站公开了多少条?', { group: true }));
    await bot.handleUpdate(mediaUpdate('sticker', { group: true }));
    await bot.handleUpdate(textUpdate('/start@other_bot', { group: true }));
    await bot.handleUpdate(textUpdate('/unknown', { group: true }));
    expect(sent()).toEqual([]);
    expect(engine.questions).toEqual([]);
  });

  it('answers a mention, quoting the asker, with the mention cut from the question', async () => {
    const { bot, engine } = makeBot();
    const update = textUpdate('@gongkai_qa_bot 网站公开了多少条?', { group: true, chatId: -100777, userId: 8 });
    await bot.handleUpdate(update);
    const [reply] = sent();
    expect(reply?.chat_id).toBe(-100777);
    expect(reply?.reply_parameters?.message_id).toBe((update as { message: { message_id: number } }).message.message_id);
    expect(engine.questions).toEqual([{ text: '网站公开了多少条?', session: 'telegram:-100777:8' }]);
  });

  it('answers a reply to the bot, and keeps one conversation per user in a group', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('那其他形式呢?', { group: true, replyToBot: true, chatId: -1005, userId: 1 }));
    await bot.handleUpdate(textUpdate('那其他形式呢?', { group: true, replyToBot: true, chatId: -1005, userId: 2 }));
    expect(sent()).toHaveLength(2);
    expect(engine.questions.map((q) => q.session)).toEqual(['telegram:-1005:1', 'telegram:-1005:2']);
  });

  it('answers commands addressed to this bot', async () => {
    const { bot } = makeBot();
    await bot.handleUpdate(textUpdate('/help@gongkai_qa_bot', { group: true }));
    await bot.handleUpdate(textUpdate('/source', { group: true }));
    expect(sent()).toHaveLength(2);
  });
});

describe('commands', () => {
  it('/start says what the bot is and offers three example questions from the knowledge as buttons', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('/start'));
    const [reply] = sent();
    expect(visibleText(reply?.text ?? '')).toContain('《通辽市2011年政府信息公开工作年度报告》');
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(engine.knowledge.meta.examples.zh.slice(0, 3));
  });

  it('/start follows the user language: English, and traditional script for zh-TW', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('/start', { lang: 'en-US' }));
    await bot.handleUpdate(textUpdate('/start', { lang: 'zh-tw' }));
    const [en, hant] = sent();
    expect(en?.text).toContain('Tongliao City Annual Report');
    expect(buttonsOf(en).map((b) => b.text)).toEqual(engine.knowledge.meta.examples.en.slice(0, 3));
    expect(hant?.text).toContain('通遼市2011年政府信息公開工作年度報告');
    expect(buttonsOf(hant).map((b) => b.text)).toEqual(engine.about('zh-Hant').examples);
  });

  it('/sections lists the report parts (not encyclopedia additions or subsections), each a button that asks about it', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('/sections', { chatId: 31, userId: 31 }));
    const buttons = buttonsOf(sent()[0]);
    expect(buttons.map((b) => b.text)).toEqual(['概述', '主动公开政府信息情况', '存在的主要问题及改进措施']);
    api.reset();
    await bot.handleUpdate(callbackUpdate(buttons[1]?.callback_data ?? '', { chatId: 31, userId: 31 }));
    expect(engine.questions.at(-1)).toEqual({ text: '主动公开政府信息情况', session: 'telegram:31:31' });
    expect(api.callsOf('answerCallbackQuery')).toHaveLength(1);
  });

  it('/source names where the report comes from, escaped', async () => {
    const { bot } = makeBot();
    await bot.handleUpdate(textUpdate('/source'));
    const text = sent()[0]?.text ?? '';
    expect(text).toContain('<b>资料来源</b>');
    expect(text).toContain('通遼市2011年政府信息公開工作年度報告, &lt;as published&gt; &amp; converted');
  });

  it('/why shows the rule, score and runner-up of the last answer in this conversation', async () => {
    const { bot } = makeBot();
    await bot.handleUpdate(textUpdate('/why', { userId: 40 }));
    expect(visibleText(sent()[0]?.text ?? '')).toBe('这个对话里还没有提问。');
    await bot.handleUpdate(textUpdate('网站公开了多少条?', { userId: 40 }));
    await bot.handleUpdate(textUpdate('/why', { userId: 40, lang: 'en' }));
    const why = visibleText(sent()[2]?.text ?? '');
    expect(why).toContain('rule: stub-intent');
    expect(why).toContain('score: 5');
    expect(why).toContain('runner-up: other-intent (2)');
    // another user's conversation has no last answer
    await bot.handleUpdate(textUpdate('/why', { userId: 41 }));
    expect(visibleText(sent()[3]?.text ?? '')).toBe('这个对话里还没有提问。');
  });

  it('/help explains groups and inline mode with the bot username', async () => {
    const { bot } = makeBot();
    await bot.handleUpdate(textUpdate('/help', { lang: 'zh-hk' }));
    expect(sent()[0]?.text).toContain('@gongkai_qa_bot');
    expect(sent()[0]?.text).toContain('群組');
  });

  it('answers an unknown command in private with a pointer to /help', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('/frobnicate'));
    expect(sent()[0]?.text).toContain('/help');
    expect(engine.questions).toEqual([]);
  });
});

describe('buttons', () => {
  it('a tap asks that question in the same conversation and answers the callback query', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(textUpdate('网站公开了多少条?', { userId: 9 }));
    const data = buttonsOf(sent()[0])[0]?.callback_data ?? '';
    api.reset();
    await bot.handleUpdate(callbackUpdate(data, { userId: 9 }));
    expect(api.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(engine.questions.at(-1)).toEqual({ text: '以其他形式公开了多少条信息?', session: 'telegram:9:9' });
    const [reply] = sent();
    expect(reply?.chat_id).toBe(9);
    expect(reply?.text.startsWith('<i>❓ 以其他形式公开了多少条信息?</i>')).toBe(true);
    // the callback query is answered before the reply goes out, so the button stops spinning
    const order = api.calls.map((c) => c.method);
    expect(order.indexOf('answerCallbackQuery')).toBeLessThan(order.indexOf('sendMessage'));
  });

  it('answers an expired or foreign button with a notice and asks nothing', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(callbackUpdate('q:AAAAAAAAAAAA'));
    await bot.handleUpdate(callbackUpdate('something-else', { lang: 'en' }));
    const answers = api.callsOf('answerCallbackQuery').map((c) => c.payload);
    expect(answers.map((p) => p['text'])).toEqual(['这个按钮已过期，请直接输入问题。', 'This button has expired; please type the question.']);
    expect(engine.questions).toEqual([]);
    expect(sent()).toEqual([]);
  });

  it('answers the callback query even when answering the question fails', async () => {
    const engine = stubEngine(() => {
      throw new Error('engine broke');
    });
    const { bot, logger } = makeBot({ engine });
    await bot.handleUpdate(callbackUpdate('q:AAAAAAAAAAAA'));
    const ids = await import('../../adapters/telegram/keyboard.js');
    const id = ids.QuestionIds.idOf(engine.knowledge.meta.examples.zh[0] ?? '');
    api.reset();
    await bot.handleUpdate(callbackUpdate(`q:${id}`));
    expect(api.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(logger.events().some((e) => e.event === 'telegram.handler_failed')).toBe(true);
  });
});

describe('inline mode', () => {
  it('offers the cited answer as an article the user can send', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(inlineUpdate('网站公开了<多少>条?'));
    const [call] = api.callsOf('answerInlineQuery');
    const results = call?.payload['results'] as InlineQueryResultArticle[];
    expect(results).toHaveLength(1);
    const [article] = results;
    expect(article?.type).toBe('article');
    expect(article?.title).toBe('网站公开了<多少>条?');
    expect(Buffer.byteLength(article?.id ?? '')).toBeLessThanOrEqual(64);
    const content = article?.input_message_content as InputTextMessageContent;
    expect(content.parse_mode).toBe('HTML');
    expect(content.message_text).toContain('网站公开了&lt;多少&gt;条?');
    expect(content.message_text).toContain('<blockquote expandable>');
    expect(engine.questions).toEqual([{ text: '网站公开了<多少>条?' }]);
  });

  it('offers the example questions for an empty query', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(inlineUpdate('  ', { lang: 'en' }));
    const results = api.callsOf('answerInlineQuery')[0]?.payload['results'] as InlineQueryResultArticle[];
    expect(results.map((r) => r.title)).toEqual(engine.knowledge.meta.examples.en.slice(0, 3));
  });
});

describe('non-text messages', () => {
  it('get a short hint in private chats, in the user language', async () => {
    const { bot, engine } = makeBot();
    await bot.handleUpdate(mediaUpdate('sticker'));
    await bot.handleUpdate(mediaUpdate('photo', { lang: 'en' }));
    await bot.handleUpdate(mediaUpdate('voice', { lang: 'zh-TW' }));
    await bot.handleUpdate(mediaUpdate('document'));
    expect(sent().map((m) => m.text)).toEqual([
      '我只能读文字消息，请用文字提问。发送 /help 查看用法。',
      'I can only read text. Please type your question; send /help to see how.',
      '我只能讀文字訊息，請用文字提問。傳送 /help 查看用法。',
      '我只能读文字消息，请用文字提问。发送 /help 查看用法。',
    ]);
    expect(engine.questions).toEqual([]);
  });

  it('get the hint in a group only when they reply to the bot', async () => {
    const { bot } = makeBot();
    await bot.handleUpdate(mediaUpdate('photo', { group: true }));
    await bot.handleUpdate(mediaUpdate('photo', { group: true, replyToBot: true }));
    expect(sent()).toHaveLength(1);
  });
});

describe('resilience', () => {
  it('answers the excess of a flooding chat once, politely, then stays quiet until the minute passes', async () => {
    let now = 1_000_000;
    const { bot, engine } = makeBot({ env: { TELEGRAM_FLOOD_PER_MINUTE: '2' }, clock: () => now });
    for (let i = 0; i < 5; i++) await bot.handleUpdate(textUpdate(`问题${i}`, { userId: 50 }));
    expect(engine.questions).toHaveLength(2);
    expect(sent().map((m) => visibleText(m.text))).toHaveLength(3);
    expect(sent()[2]?.text).toBe('您提问得太快了，请稍等一分钟再问。');
    // another chat is not affected
    await bot.handleUpdate(textUpdate('别的问题', { userId: 51 }));
    expect(engine.questions).toHaveLength(3);
    now += 60_000;
    await bot.handleUpdate(textUpdate('一分钟后', { userId: 50 }));
    expect(engine.questions).toHaveLength(4);
  });

  it('logs a failing handler, apologises, and keeps serving', async () => {
    let fail = true;
    const engine = stubEngine((q) => {
      if (fail) {
        fail = false;
        throw new Error('engine broke');
      }
      return stubAnswer(q.text);
    });
    const { bot, logger } = makeBot({ engine });
    await bot.handleUpdate(textUpdate('第一个问题'));
    await bot.handleUpdate(textUpdate('第二个问题'));
    const texts = sent().map((m) => visibleText(m.text));
    expect(texts[0]).toBe('抱歉，出了点问题，请稍后再试。');
    expect(texts[1]).toContain('第二个问题');
    const failure = logger.events().find((e) => e.event === 'telegram.handler_failed');
    expect(failure?.['error']).toMatchObject({ message: 'engine broke' });
    for (const line of logger.lines) expect(line).not.toContain(TOKEN);
  });

  it('never logs question text', async () => {
    const { bot, logger } = makeBot();
    await bot.handleUpdate(textUpdate('我的身份证号是123456'));
    expect(logger.lines.join('\n')).not.toContain('身份证');
  });
});
