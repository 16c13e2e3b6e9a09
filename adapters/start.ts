#!/usr/bin/env node
import { GongkaiError } from '../src/errors.js';
import { loadDotEnv, readConfig } from './config/index.js';
import { createHttpApp, startHttpServer } from './http/index.js';
import { bootEngine, projectRoot } from './shared/boot-engine.js';
import { startQuestionLog, storageSecrets } from './storage/index.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createSharedState } from './shared/state/index.js';
import { startTelegram } from './telegram/index.js';
import { startWechat } from './wechat/index.js';
import { mountWechatCallbacks } from './wechat-oa/index.js';

type Stop = () => Promise<void>;

/**
 * `npm start`: the HTTP API and web chat always (on HOST:PORT, the built-in default needing no
 * tokens), plus Telegram when TELEGRAM_BOT_TOKEN is set and WeChat when WECHATY_PUPPET is set; the
 * Official Account and WeCom callbacks ride on the HTTP server when their tokens are set.
 * A channel that fails to start is logged and the others keep serving; SIGINT/SIGTERM stop them all
 * cleanly, the last channel started first.
 */
async function main(): Promise<void> {
  loadDotEnv(projectRoot());
  const config = readConfig(process.env);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.TELEGRAM_BOT_TOKEN, config.WECHATY_PUPPET_SERVICE_TOKEN, config.WECHAT_OA_TOKEN, config.WECHAT_OA_AES_KEY, config.WECOM_TOKEN, config.WECOM_AES_KEY, config.STAFF_TOKEN, ...storageSecrets(config)],
  });
  const engine = bootEngine({
    knowledgeDir: config.KNOWLEDGE_DIR,
    sessionMax: config.SESSION_MAX,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
  });
  engine.warmUp();
  logger.info('knowledge.loaded', { report: engine.knowledge.meta.id, intents: engine.knowledge.intents.length });

  const stops: Stop[] = [];
  const questions = startQuestionLog({ config, report: engine.knowledge.meta.id, root: projectRoot(), logger });
  if (questions) stops.push(() => questions.log.close());
  const staff = config.STAFF_TOKEN ? { token: config.STAFF_TOKEN, storage: questions?.storage } : undefined;
  // Redis when REDIS_URL is set (several instances share conversations and limits), memory otherwise.
  const state = await createSharedState(config, logger);
  stops.push(() => state.close());
  const app = createHttpApp({ engine, config, logger, questionLog: questions?.log, staff, state });
  mountWechatCallbacks(app, { engine, config, logger });
  if (config.TELEGRAM_BOT_TOKEN) {
    await startChannel(logger, 'telegram', async () => {
      const telegram = await startTelegram({ engine, config, logger, http: { app }, questionLog: questions?.log, state });
      stops.push(() => telegram.stop('shutdown'));
    });
  }
  const http = await startHttpServer({ engine, config, logger, app });
  stops.push(() => http.close());
  if (config.WECHATY_PUPPET) {
    await startChannel(logger, 'wechat', async () => {
      const wechat = await startWechat({ engine, config, logger, state });
      stops.push(() => wechat.stop());
    });
  }
  process.stdout.write(`gongkai-qa is serving ${engine.knowledge.meta.title.zh}: open ${http.url}/ (API: ${http.url}/openapi.json)\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutdown', { signal });
    void stops
      .reverse()
      .reduce((done, stop) => done.then(() => stop().catch((error: unknown) => logger.error('shutdown.failed', { error }))), Promise.resolve())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function startChannel(logger: Logger, name: string, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    logger.error(`${name}.start_failed`, { error, hint: error instanceof GongkaiError ? undefined : 'see README for this channel' });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof GongkaiError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
