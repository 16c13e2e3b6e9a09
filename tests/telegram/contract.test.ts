import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Telegraf } from 'telegraf';
import { createTelegramBot } from '../../adapters/telegram/index.js';
import { bootEngine } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { expectContractReply, loadContractCases } from '../contract/contract.js';
import { FakeBotApi } from './fake-bot-api.js';
import { BOT, TOKEN, testConfig, textUpdate, visibleText } from './fixtures.js';

/**
 * The shared contract, as a Telegram user meets it: each turn is a private message through
 * bot.handleUpdate, and the reply is what Telegram would show of the HTML we sent (tags dropped,
 * entities decoded).
 */
let api: FakeBotApi;
let bot: Telegraf;
beforeAll(async () => {
  api = await FakeBotApi.start({ token: TOKEN, me: BOT });
  bot = createTelegramBot({ engine: bootEngine(), config: testConfig({ TELEGRAM_API_ROOT: api.url }), logger: silentLogger, botInfo: BOT });
});
afterAll(() => api.close());

describe('contract cases over Telegram', () => {
  loadContractCases().forEach((contractCase, i) => {
    it(contractCase.id, async () => {
      const userId = 9000 + i;
      for (const turn of contractCase.turns) {
        const before = api.calls.length;
        await bot.handleUpdate(textUpdate(turn.q, { userId }));
        const reply = api.calls
          .slice(before)
          .filter((c) => c.method === 'sendMessage' && c.payload['chat_id'] === userId)
          .map((c) => visibleText(String(c.payload['text'])))
          .join('\n');
        expectContractReply(turn, reply);
      }
    });
  });
});
