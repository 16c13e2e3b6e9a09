import { Telegraf, TelegramError, type Context, type Telegram } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Message, UserFromGetMe } from 'telegraf/types';
import type { Engine } from '../../src/engine/index.js';
import { AdapterError } from '../../src/errors.js';
import type { Lang } from '../../src/types.js';
import type { Config } from '../config/index.js';
import { BoundedMap } from '../../src/session/bounded-map.js';
import type { Logger } from '../shared/logger.js';
import { createMemoryState, floodOrAllow, type SharedState } from '../shared/state/index.js';
import { isPrivate, questionIn, repliesToBot } from './addressing.js';
import {
  helpReply,
  sectionsReply,
  reportsReply,
  sourceReply,
  startReply,
  whyReply,
  type CommandContext,
  type LastAnswer,
} from './commands.js';
import { escapeHtml } from './escape-html.js';
import type { QuestionLog } from '../storage/index.js';
import { FEEDBACK_THANKS, parseFeedbackData, withFeedbackRow } from './feedback-buttons.js';
import { inlineArticle } from './inline-result.js';
import { QuestionIds, parseAskData } from './keyboard.js';
import { createReportView } from './report-view.js';
import { libraryOf } from '../shared/library-of.js';
import { answerReply, type Reply } from './reply.js';
import { CALL_DEADLINE_MS, RETRY_BUDGET_MS, callOnce, installRetry, type RetryOptions } from './retry-api.js';
import { COMMAND_NAMES, textsFor, uiLangOf, type CommandName } from './texts.js';

export interface TelegramBotOptions {
  engine: Engine;
  config: Config;
  logger: Logger;
  /** Milliseconds since the epoch, for the flood limit; tests pass a fake one. */
  clock?: () => number;
  /** The bot's own user, when known, so no getMe call is needed (tests, or a start-up that fetched it). */
  botInfo?: UserFromGetMe;
  /** Logs each question asked by message or button, and adds 👍/👎 buttons stored against it. */
  questionLog?: QuestionLog | undefined;
  /** Deadlines; tests shorten them. */
  timing?: Partial<TelegramTiming>;
  /** Aborted when the bot stops: retries waiting on a 429 or a backoff give up at once. */
  signal?: AbortSignal;
  /** Conversations and flood windows; in memory by default, Redis to share them across instances. */
  state?: SharedState;
}

/** How long the bot gives Telegram, so one stuck call costs one chat a bounded wait and nothing more. */
export interface TelegramTiming {
  /** One Bot API attempt. */
  callDeadlineMs: number;
  /** One call in all, retries and 429 waits included. */
  retryBudgetMs: number;
  /** One update's handler (telegraf's handlerTimeout); then the chat gets an apology and its next update runs. */
  handlerTimeoutMs: number;
  /** The apology: a single attempt, so a stuck Bot API cannot hold it too. */
  apologyDeadlineMs: number;
}

export const TELEGRAM_TIMING: TelegramTiming = { callDeadlineMs: CALL_DEADLINE_MS, retryBudgetMs: RETRY_BUDGET_MS, handlerTimeoutMs: 60_000, apologyDeadlineMs: 5_000 };

/** The only updates the bot handles; asking Telegram for these alone saves traffic. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Message kinds that carry no text we can read; they get a short hint instead of silence. */
const NON_TEXT = ['sticker', 'photo', 'voice', 'audio', 'video', 'video_note', 'animation', 'document', 'location', 'venue', 'contact', 'poll', 'dice', 'story'];

const COMMANDS: Record<CommandName, (c: CommandContext) => Reply> = {
  start: startReply,
  help: helpReply,
  sections: sectionsReply,
  reports: reportsReply,
  source: sourceReply,
  why: whyReply,
};

/** Where a reply goes: the chat, the forum topic, and in groups the message it answers. */
interface Target {
  chatId: number;
  threadId?: number | undefined;
  replyTo?: number | undefined;
}

function targetOf(msg: Pick<Message, 'chat' | 'message_id'> & { is_topic_message?: boolean; message_thread_id?: number }, quote: boolean): Target {
  return {
    chatId: msg.chat.id,
    threadId: msg.is_topic_message ? msg.message_thread_id : undefined,
    replyTo: quote && !isPrivate(msg) ? msg.message_id : undefined,
  };
}

/** One conversation per chat and user: follow-ups work in groups without mixing up askers. */
const sessionOf = (chatId: number, userId: number | undefined) => `telegram:${chatId}:${userId ?? chatId}`;

async function send(telegram: Telegram, target: Target, reply: Reply): Promise<void> {
  for (const [i, html] of reply.messages.entries()) {
    const last = i === reply.messages.length - 1;
    await telegram.sendMessage(target.chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
      ...(i === 0 && target.replyTo !== undefined ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } } : {}),
      ...(last && reply.keyboard ? { reply_markup: reply.keyboard } : {}),
    });
  }
}

const plainReply = (text: string): Reply => ({ messages: [escapeHtml(text)] });

/**
 * Builds the Telegram bot: a thin translator from updates to `engine.ask` and from Answers to HTML
 * messages. No network call is made here (pass `botInfo` to skip telegraf's lazy getMe too), so
 * tests drive it with `bot.handleUpdate` and `startTelegram` decides between polling and webhook.
 * Everything the bot remembers (button ids, flood windows, last answers for /why) is bounded.
 */
export function createTelegramBot(options: TelegramBotOptions): Telegraf {
  const { engine, config, logger } = options;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new AdapterError('telegram', 'TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather (/newbot) and put its token in .env');
  const report = createReportView(engine);
  const library = libraryOf(engine);
  const clock = options.clock ?? Date.now;
  const timing = { ...TELEGRAM_TIMING, ...options.timing };
  const retry: RetryOptions = { logger, deadlineMs: timing.callDeadlineMs, budgetMs: timing.retryBudgetMs, ...(options.signal ? { signal: options.signal } : {}) };

  const bot = new Telegraf(token, {
    handlerTimeout: timing.handlerTimeoutMs,
    telegram: { webhookReply: false, ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) },
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  installRetry(bot.telegram, retry);

  const ids = new QuestionIds();
  for (const question of report.questions) ids.pin(question);
  const state = options.state ?? createMemoryState();
  const flood = floodOrAllow(state.floodLimit('telegram-chat', { perWindow: config.TELEGRAM_FLOOD_PER_MINUTE, clock }), logger);
  // Inline queries arrive as the user types, so they get more room than questions.
  const inlineFlood = floodOrAllow(state.floodLimit('telegram-inline', { perWindow: config.TELEGRAM_FLOOD_PER_MINUTE * 3, clock }), logger);
  const lastAnswers = new BoundedMap<string, LastAnswer>(config.SESSION_MAX);

  async function ask(question: string, session: string, via: string, chatType: string, asked?: string): Promise<Reply> {
    const started = performance.now();
    const answer = await state.converse(engine, question, session);
    lastAnswers.set(session, { outcome: answer.outcome, explain: answer.explain });
    logger.info('telegram.answer', { via, chatType, outcome: answer.outcome, intent: answer.intent, confidence: answer.confidence, ms: Math.round((performance.now() - started) * 10) / 10 });
    const reply = answerReply(answer, ids, asked ? { asked } : {});
    const questionId = options.questionLog?.record({ channel: 'telegram', conversation: session, text: question, answer });
    return questionId ? { ...reply, keyboard: withFeedbackRow(reply.keyboard, questionId) } : reply;
  }

  /** True when the chat may ask one more; the first refused question gets one polite notice. */
  async function admitted(telegram: Telegram, target: Target, lang: Lang, chatType: string): Promise<boolean> {
    const verdict = await flood.take(`chat:${target.chatId}`);
    if (verdict === 'allow') return true;
    if (verdict === 'notice') {
      logger.warn('telegram.flood', { chatType, perMinute: config.TELEGRAM_FLOOD_PER_MINUTE });
      await send(telegram, target, plainReply(textsFor(lang).flood));
    }
    return false;
  }

  // Every update gets its own client from telegraf; each one retries failed sends.
  bot.use((ctx, next) => {
    installRetry(ctx.telegram, retry);
    return next();
  });

  for (const name of COMMAND_NAMES) {
    bot.command(name, async (ctx) => {
      const lang = uiLangOf(ctx.from.language_code);
      const target = targetOf(ctx.message, true);
      if (!(await admitted(ctx.telegram, target, lang, ctx.chat.type))) return;
      ctx.state['addressed'] = true;
      const last = lastAnswers.get(sessionOf(ctx.chat.id, ctx.from.id));
      await send(ctx.telegram, target, COMMANDS[name]({ report, lang, username: ctx.me, ids, last, reports: () => library.reports() }));
      logger.info('telegram.command', { command: name, chatType: ctx.chat.type });
    });
  }

  bot.on(message('text'), async (ctx) => {
    const msg = ctx.message;
    const lang = uiLangOf(msg.from.language_code);
    const target = targetOf(msg, true);
    const first = msg.entities?.[0];
    if (first?.type === 'bot_command' && first.offset === 0) {
      // Not one of ours (those were handled above): answer only if it was meant for this bot.
      const to = msg.text.slice(0, first.length).split('@')[1];
      if (!isPrivate(msg) && to?.toLowerCase() !== ctx.me.toLowerCase()) return;
      if (!(await admitted(ctx.telegram, target, lang, msg.chat.type))) return;
      ctx.state['addressed'] = true;
      await send(ctx.telegram, target, plainReply(textsFor(lang).unknownCommand));
      return;
    }
    const question = questionIn(msg, ctx.botInfo);
    if (question === undefined) {
      logger.debug('telegram.ignored', { chatType: msg.chat.type, reason: 'not addressed to the bot' });
      return;
    }
    if (!(await admitted(ctx.telegram, target, lang, msg.chat.type))) return;
    ctx.state['addressed'] = true;
    await send(ctx.telegram, target, await ask(question, sessionOf(msg.chat.id, msg.from.id), 'message', msg.chat.type));
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const texts = textsFor(uiLangOf(query.from.language_code));
    let answered = false;
    const answerQuery = async (text?: string) => {
      answered = true;
      await ctx.answerCbQuery(text);
    };
    try {
      const thumb = options.questionLog && parseFeedbackData('data' in query ? query.data : undefined);
      if (thumb) {
        options.questionLog?.feedback(thumb);
        await answerQuery(FEEDBACK_THANKS[uiLangOf(query.from.language_code)]);
        return;
      }
      const id = parseAskData('data' in query ? query.data : undefined);
      const question = id === undefined ? undefined : ids.questionOf(id);
      const msg = query.message;
      if (question === undefined || !msg) {
        await answerQuery(texts.expired);
        return;
      }
      const verdict = await flood.take(`chat:${msg.chat.id}`);
      if (verdict !== 'allow') {
        if (verdict === 'notice') logger.warn('telegram.flood', { chatType: msg.chat.type, perMinute: config.TELEGRAM_FLOOD_PER_MINUTE });
        await answerQuery(verdict === 'notice' ? texts.flood : undefined);
        return;
      }
      // Answer the query first: the user's button spins until we do.
      await answerQuery();
      ctx.state['addressed'] = true;
      const target = targetOf(msg, false);
      await send(ctx.telegram, target, await ask(question, sessionOf(msg.chat.id, query.from.id), 'button', msg.chat.type, question));
    } finally {
      if (!answered) await ctx.answerCbQuery().catch((error: unknown) => logger.warn('telegram.callback_unanswered', { error }));
    }
  });

  bot.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery;
    if ((await inlineFlood.take(`user:${query.from.id}`)) !== 'allow') {
      await ctx.answerInlineQuery([], { cache_time: 10, is_personal: true });
      return;
    }
    const text = query.query.trim();
    const questions = text ? [text] : report.examples[uiLangOf(query.from.language_code)].slice(0, 3);
    const results = questions.map((question) => {
      const answer = engine.ask({ text: question });
      logger.info('telegram.answer', { via: 'inline', outcome: answer.outcome, intent: answer.intent, confidence: answer.confidence });
      return inlineArticle(question, answer);
    });
    await ctx.answerInlineQuery(results, { cache_time: text ? 300 : 3600 });
  });

  bot.on('message', async (ctx) => {
    const msg = ctx.message;
    if (!NON_TEXT.some((kind) => kind in msg)) return;
    if (!isPrivate(msg) && !repliesToBot(msg, ctx.botInfo)) return;
    const lang = uiLangOf(msg.from?.language_code);
    const target = targetOf(msg, true);
    if (!(await admitted(ctx.telegram, target, lang, msg.chat.type))) return;
    ctx.state['addressed'] = true;
    await send(ctx.telegram, target, plainReply(textsFor(lang).nonText));
  });

  bot.catch(async (error: unknown, ctx: Context) => {
    const forbidden = error instanceof TelegramError && error.code === 403;
    const fields = { updateId: ctx.update.update_id, updateType: ctx.updateType, error };
    if (forbidden) logger.warn('telegram.forbidden', fields);
    else logger.error('telegram.handler_failed', fields);
    if (forbidden || !ctx.state['addressed'] || !ctx.chat) return;
    try {
      const text = escapeHtml(textsFor(uiLangOf(ctx.from?.language_code)).failed);
      await callOnce(ctx.telegram, 'sendMessage', { chat_id: ctx.chat.id, text, parse_mode: 'HTML' }, timing.apologyDeadlineMs);
    } catch (apologyError) {
      logger.warn('telegram.apology_failed', { error: apologyError });
    }
  });

  return bot;
}
