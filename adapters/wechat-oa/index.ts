import type { Answer } from '../../src/types.js';
import type { QuestionLog } from '../storage/index.js';
import type { Env, Hono, Schema } from 'hono';
import type { Engine } from '../../src/engine/index.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { mountCallback } from './callback-route.js';
import { createConversation } from './conversation.js';

export { mountCallback, MAX_CALLBACK_BYTES, MAX_CLOCK_SKEW_SECONDS, type CallbackRoute } from './callback-route.js';
export { createConversation, type ConversationOptions, type ConversationReply } from './conversation.js';
export { MAX_REPLY_BYTES, pageText } from './pages.js';

type CallbackConfig = Pick<
  Config,
  'WECHAT_OA_TOKEN' | 'WECHAT_OA_APP_ID' | 'WECHAT_OA_AES_KEY' | 'WECHAT_OA_PATH' | 'WECOM_TOKEN' | 'WECOM_CORP_ID' | 'WECOM_AES_KEY' | 'WECOM_PATH' | 'SESSION_MAX'
>;

/** What `npm start` hands the callbacks: the engine, the validated config and the logger. */
export interface WechatCallbackOptions {
  engine: Engine;
  config: CallbackConfig;
  logger: Logger;
  clock?: () => number;
  /** Logs each question (QUESTION_LOG) under the channel `wechat`. */
  questionLog?: QuestionLog | undefined;
}

/**
 * Mounts the Official Account callback when WECHAT_OA_TOKEN is set and the WeCom application
 * callback when WECOM_TOKEN is set, on the HTTP server's app, before it listens. One protocol
 * implementation serves both; each has its own token, keys, conversations and retry memory.
 */
export function mountWechatCallbacks<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>, options: WechatCallbackOptions): void {
  const { engine, config, logger } = options;
  const meta = engine.knowledge.meta;
  const conversation = (channel: string) =>
    createConversation({ engine, channel, welcome: { title: meta.title.zh, examples: meta.examples.zh }, maxSessions: config.SESSION_MAX,
      ...(options.questionLog ? { onAnswer: (session: string, text: string, answer: Answer) => options.questionLog?.record({ channel: 'wechat', conversation: session, text, answer }) } : {}),
    });
  const clock = options.clock ? { clock: options.clock } : {};

  if (config.WECHAT_OA_TOKEN) {
    const safeMode = config.WECHAT_OA_AES_KEY && config.WECHAT_OA_APP_ID ? { aesKey: config.WECHAT_OA_AES_KEY, receiverId: config.WECHAT_OA_APP_ID } : undefined;
    mountCallback(app, {
      channel: 'wechat-oa',
      path: config.WECHAT_OA_PATH,
      token: config.WECHAT_OA_TOKEN,
      ...(safeMode ? { safeMode } : {}),
      plainSignature: true,
      respond: conversation('wechat-oa'),
      logger,
      ...clock,
    });
    logger.info('wechat-oa.mounted', { path: config.WECHAT_OA_PATH, safeMode: !!safeMode });
  }
  if (config.WECOM_TOKEN && config.WECOM_AES_KEY && config.WECOM_CORP_ID) {
    mountCallback(app, {
      channel: 'wecom',
      path: config.WECOM_PATH,
      token: config.WECOM_TOKEN,
      safeMode: { aesKey: config.WECOM_AES_KEY, receiverId: config.WECOM_CORP_ID },
      plainSignature: false,
      respond: conversation('wecom'),
      logger,
      ...clock,
    });
    logger.info('wecom.mounted', { path: config.WECOM_PATH });
  }
}
