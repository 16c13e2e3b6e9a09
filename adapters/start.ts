#!/usr/bin/env node
import { GongkaiError } from '../src/errors.js';
import { loadDotEnv, readConfig } from './config/index.js';
import { createHttpApp, startHttpServer } from './http/index.js';
import { bootLibrary, projectRoot } from './shared/boot-engine.js';
import { watchLibrary } from './library/watch-library.js';
import { startQuestionLog, storageSecrets } from './storage/index.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createSharedState } from './shared/state/index.js';
import { createServiceStatus, type ServiceStatus } from './shared/service-status.js';

/** One part to stop on shutdown; it is given the milliseconds left before everything is cut off. */
type Stop = { name: string; stop: (deadlineMs: number) => Promise<unknown> };

/** What shutdown waits past its deadline for the HTTP server's forced close to settle. */
const FORCE_GRACE_MS = 500;

/**
 * `npm start`: the HTTP API and web chat always (on HOST:PORT, the built-in default needing no
 * tokens), plus Telegram when TELEGRAM_BOT_TOKEN is set and WeChat when WECHATY_PUPPET is set; the
 * Official Account and WeCom callbacks ride on the HTTP server when their tokens are set.
 * Each channel's library (the callbacks' too) is imported only when it is configured (wechaty
 * alone is ~50 MB of memory). A channel that fails to start is logged, /readyz reports it stopped, and the others
 * keep serving. SIGINT/SIGTERM: /readyz turns 503 at once, every part stops in parallel, and after
 * SHUTDOWN_TIMEOUT_SECONDS whatever is still open is closed and the process exits 0.
 */
async function main(): Promise<void> {
  loadDotEnv(projectRoot());
  const config = readConfig(process.env);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.TELEGRAM_BOT_TOKEN, config.WECHATY_PUPPET_SERVICE_TOKEN, config.WECHAT_OA_TOKEN, config.WECHAT_OA_AES_KEY, config.WECOM_TOKEN, config.WECOM_AES_KEY, config.STAFF_TOKEN, ...storageSecrets(config)],
  });
  const opened = bootLibrary({
    knowledgeDir: config.KNOWLEDGE_DIR,
    defaultReport: config.DEFAULT_REPORT,
    sessionMax: config.SESSION_MAX,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    answerCacheSize: config.ANSWER_CACHE_SIZE,
  });
  const engine = opened.library;
  engine.warmUp();
  for (const r of opened.refused) logger.error('library.pack_refused', { pack: r.id, file: r.file, issues: r.issues, keptOld: false });
  logger.info('knowledge.loaded', { report: engine.knowledge.meta.id, intents: engine.knowledge.intents.length, reports: engine.reports().map((p) => p.id), default: engine.defaultReport()?.id ?? null });
  // A pack added, changed or removed is picked up without a restart (file events, and SIGHUP).
  const watch = watchLibrary(opened, logger);
  // A large library was read by its packs' meta: check the rest whole now, between questions.
  void opened
    .checkRest((r) => logger.error('library.pack_refused', { pack: r.id, file: r.file, issues: r.issues, keptOld: false }))
    .then((checked) => checked > 0 && logger.info('library.checked', { checked, live: engine.reports().length }));

  const status = createServiceStatus();
  const stops: Stop[] = [{ name: 'library-watch', stop: () => Promise.resolve(watch.close()) }];
  const questions = startQuestionLog({ config, report: engine.knowledge.meta.id, root: projectRoot(), logger });
  if (questions) stops.push({ name: 'question-log', stop: () => questions.log.close() });
  const staff = config.STAFF_TOKEN ? { token: config.STAFF_TOKEN, storage: questions?.storage } : undefined;
  // Redis when REDIS_URL is set (several instances share conversations and limits), memory otherwise.
  const state = await createSharedState(config, logger);
  stops.push({ name: 'state', stop: () => state.close() });
  const app = createHttpApp({ engine, config, logger, questionLog: questions?.log, staff, state, status });
  if (config.WECHAT_OA_TOKEN || config.WECOM_TOKEN) {
    // The callbacks' XML and crypto libraries are loaded only when one is configured.
    const { mountWechatCallbacks } = await import('./wechat-oa/index.js');
    mountWechatCallbacks(app, { engine, config, logger, questionLog: questions?.log });
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    await startChannel(logger, status, 'telegram', async () => {
      const { startTelegram } = await import('./telegram/index.js');
      const telegram = await startTelegram({ engine, config, logger, http: { app }, questionLog: questions?.log, state });
      status.report('telegram', 'running');
      void telegram.done.then(() => status.report('telegram', 'stopped', status.shuttingDown ? 'shutdown' : 'stopped_serving'));
      stops.push({ name: 'telegram', stop: () => telegram.stop('shutdown') });
    });
  }
  const http = await startHttpServer({ engine, config, logger, app });
  stops.push({ name: 'http', stop: (deadlineMs) => http.close(deadlineMs) });
  if (config.WECHATY_PUPPET) {
    await startChannel(logger, status, 'wechat', async () => {
      const { startWechat } = await import('./wechat/index.js');
      const wechat = await startWechat({ engine, config, logger, state, status, questionLog: questions?.log });
      stops.push({ name: 'wechat', stop: () => wechat.stop() });
    });
  }
  const served = engine.reports().length > 1 ? `${engine.reports().length} reports (${engine.reports().map((p) => p.id).join(', ')})` : engine.knowledge.meta.title.zh;
  process.stdout.write(`gongkai-qa is serving ${served}: open ${http.url}/ (API: ${http.url}/openapi.json)\n`);

  const shutdown = (signal: string) => {
    if (status.shuttingDown) return;
    status.beginShutdown();
    const deadlineMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
    logger.info('shutdown', { signal, deadlineMs });
    const pending = new Set(stops.map((s) => s.name));
    const all = Promise.allSettled(
      stops.map(({ name, stop }) =>
        stop(deadlineMs)
          .catch((error: unknown) => logger.error('shutdown.failed', { part: name, error }))
          .finally(() => pending.delete(name)),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs + FORCE_GRACE_MS)));
    void Promise.race([all, deadline]).then(() => {
      clearTimeout(timer);
      if (pending.size > 0) logger.warn('shutdown.deadline', { deadlineMs, unfinished: [...pending] });
      logger.info('shutdown.done', {});
      process.exit(0);
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function startChannel(logger: Logger, status: ServiceStatus, name: string, start: () => Promise<void>): Promise<void> {
  status.report(name, 'starting');
  try {
    await start();
  } catch (error) {
    status.report(name, 'stopped', 'start_failed');
    logger.error(`${name}.start_failed`, { error, hint: error instanceof GongkaiError ? undefined : 'see README for this channel' });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof GongkaiError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
