import type { QuestionLog } from '../storage/index.js';
import { WechatyBuilder, type Message, type Wechaty, type WechatyOptions } from 'wechaty';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { createMemoryState, floodOrAllow, seenOrNew, type ConversingEngine, type SharedState } from '../shared/state/index.js';
import { createMessageHandler } from './handle-message.js';
import { createKeyedQueue } from './keyed-queue.js';
import { logLifecycle, printQrToStderr, type QrPrinter } from './log-lifecycle.js';
import { createPacer, realSleep, type Clock, type Sleep } from './pacer.js';
import { sessionId } from './session-id.js';
import { createSuggestionMemory } from './suggestion-memory.js';
import { wechatyOptionsFrom } from './wechaty-options.js';

/** A puppet instance (as opposed to a package name), e.g. a PuppetMock in tests. */
export type PuppetInstance = Extract<WechatyOptions['puppet'], object>;

export interface WechatBotOptions {
  /** Only `ask` (and `respond`, with Redis) are used: the adapter is a translator around the engine. */
  engine: ConversingEngine;
  config: Config;
  logger: Logger;
  /** A ready puppet; without it the puppet named by WECHATY_PUPPET is loaded when the bot starts. */
  puppet?: PuppetInstance;
  /** Drives pacing and the flood window; tests pass a fake one. */
  clock?: Clock;
  /** How pacing waits; tests pass one that advances their fake clock instead of waiting. */
  sleep?: Sleep;
  /** Wall-clock ms before which messages are history (default: now). */
  startedAt?: number;
  /** Draws the login QR code (default: qrcode-terminal on standard error). */
  printQr?: QrPrinter;
  /** Conversations, flood windows and seen message ids; in memory by default, Redis for several instances. */
  state?: SharedState;
  /** Logs each question answered (QUESTION_LOG). */
  questionLog?: QuestionLog | undefined;
}

/** A puppet re-delivers recent messages after a reconnect; an hour covers it. */
const SEEN_MESSAGES_MS = 60 * 60_000;

/**
 * Builds a Wechaty bot wired to the engine but not started, so tests can drive it with a PuppetMock
 * and `startWechat` can add the process concerns. Messages of one conversation are handled in
 * order (a follow-up must meet the context its predecessor left); a failing message is logged and
 * the bot goes on serving the others.
 */
export function createWechatBot(options: WechatBotOptions): Wechaty {
  const { config, logger } = options;
  const clock = options.clock ?? Date.now;
  const bot = WechatyBuilder.build(options.puppet ? { puppet: options.puppet } : wechatyOptionsFrom(config));
  logLifecycle(bot, logger, options.printQr ?? printQrToStderr);

  const state = options.state ?? createMemoryState();
  const handle = createMessageHandler({
    engine: options.engine,
    state,
    seen: seenOrNew(state.seenCache('wechat-message', { ttlMs: SEEN_MESSAGES_MS, maxKeys: config.SESSION_MAX }), logger),
    logger,
    pacer: createPacer({ clock, sleep: options.sleep ?? realSleep, maxChats: config.SESSION_MAX }),
    flood: floodOrAllow(state.floodLimit('wechat-contact', { perWindow: config.WECHAT_FLOOD_PER_MINUTE, clock, maxKeys: config.SESSION_MAX }), logger),
    suggestions: createSuggestionMemory(config.SESSION_MAX),
    self: () => bot.currentUser,
    startedAt: options.startedAt ?? Date.now(),
    questionLog: options.questionLog,
  });
  const conversations = createKeyedQueue();
  const failed = (message: Message) => (error: unknown) => logger.error('wechat.handler_failed', { error, messageId: message.id });

  bot.on('message', (message) => {
    try {
      const key = sessionId(message.talker().id, message.room()?.id);
      conversations.run(key, () => handle(message)).catch(failed(message));
    } catch (error) {
      failed(message)(error);
    }
  });
  return bot;
}
