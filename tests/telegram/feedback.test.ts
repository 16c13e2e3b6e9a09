import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { createQuestionLog, openStorage, type QuestionLog, type Storage } from '../../adapters/storage/index.js';
import { createTelegramBot } from '../../adapters/telegram/index.js';
import { CALLBACK_DATA_LIMIT } from '../../adapters/telegram/keyboard.js';
import { engine } from '../http/helpers.js';
import { FakeBotApi } from './fake-bot-api.js';
import { BOT, TOKEN, callbackUpdate, captureLogger, testConfig, textUpdate } from './fixtures.js';

const CHAT = 424_242_4242;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-tg-feedback-'));
let api: FakeBotApi;
let storage: Storage;
let log: QuestionLog;
const logger = captureLogger();

beforeAll(async () => {
  api = await FakeBotApi.start({ token: TOKEN, me: BOT });
  storage = openStorage({ SQLITE_FILE: join(dir, 'log.sqlite') }, dir, logger);
  log = createQuestionLog({ storage, report: engine().knowledge.meta.id, retentionDays: 90, logger, flushEveryMs: 0, purgeEveryMs: 0 });
});
afterAll(async () => {
  await log.close();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

type Button = { text: string; callback_data: string };

describe('Telegram feedback buttons', () => {
  it('logs the question, puts 👍/👎 under the answer and stores the thumb against it', async () => {
    const bot = createTelegramBot({ engine: engine(), config: testConfig({ TELEGRAM_API_ROOT: api.url }), logger, botInfo: BOT, questionLog: log });
    await bot.handleUpdate(textUpdate('网站公开了多少条?', { userId: CHAT }));
    const reply = api.callsOf('sendMessage').at(-1)?.payload as { reply_markup?: InlineKeyboardMarkup };
    const rows = (reply.reply_markup?.inline_keyboard ?? []) as Button[][];
    const thumbs = rows.at(-1) ?? [];
    expect(thumbs.map((b) => b.text)).toEqual(['👍', '👎']);
    expect(rows.length, 'the suggestions stay above the thumbs').toBeGreaterThan(1);
    for (const b of thumbs) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    const down = thumbs[1]?.callback_data ?? '';
    expect(down).toMatch(/^fb:down:[0-9a-f-]{36}$/);

    await bot.handleUpdate(callbackUpdate(down, { userId: CHAT }));
    const sends = api.callsOf('sendMessage').length;
    expect(api.callsOf('answerCallbackQuery').at(-1)?.payload).toMatchObject({ text: '谢谢您的反馈！' });
    expect(api.callsOf('sendMessage')).toHaveLength(sends);

    expect(await log.flush()).toBe(true);
    const [row] = await storage.questions({ since: 0, filter: 'thumbs_down', limit: 10 });
    expect(row).toMatchObject({ id: down.slice('fb:down:'.length), channel: 'telegram', text: '网站公开了多少条?', rating: 'down', outcome: 'answered' });
    expect(row?.conversation).not.toContain(String(CHAT));
  });

  it('writes no chat id, user id or token to the log', () => {
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const line of logger.lines) {
      expect(line).not.toContain(String(CHAT));
      expect(line).not.toContain(TOKEN);
    }
  });
});
