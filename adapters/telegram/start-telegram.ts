import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Env, type Schema } from 'hono';
import { TelegramError } from 'telegraf';
import type { Engine } from '../../src/engine/index.js';
import { AdapterError } from '../../src/errors.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import type { QuestionLog } from '../storage/index.js';
import { createMemoryState, seenOrNew, type SharedState } from '../shared/state/index.js';
import { registerCommands } from './commands.js';
import { ALLOWED_UPDATES, createTelegramBot, type TelegramTiming } from './create-bot.js';
import { startLongPoll } from './long-poll.js';
import { MAX_PENDING_UPDATES, UPDATE_CONCURRENCY, createUpdateQueue } from './update-queue.js';
import { mountWebhook, webhookPath, webhookSecret, type WebhookRoute } from './webhook.js';

export interface StartTelegramOptions<E extends Env = Env, S extends Schema = Schema, B extends string = string> {
  engine: Engine;
  config: Config;
  logger: Logger;
  /**
   * The project's HTTP app, to mount the webhook on (call before it serves its first request);
   * without it webhook mode listens on HOST:PORT itself.
   */
  http?: { app: Hono<E, S, B> };
  /** For the flood limit; tests pass a fake one. */
  clock?: () => number;
  /** Logs questions and takes 👍/👎 feedback on the answers. */
  questionLog?: QuestionLog | undefined;
  /** Bot API deadlines; tests shorten them. */
  timing?: Partial<TelegramTiming>;
  /** Conversations, flood windows and seen update ids; in memory by default, Redis for several instances. */
  state?: SharedState;
}

/** Telegram redelivers a webhook update it got no 200 for, possibly to another instance; a day covers it. */
const SEEN_UPDATES_MS = 24 * 60 * 60_000;

/** A running bot. */
export interface TelegramHandle {
  readonly mode: 'polling' | 'webhook';
  /** Settles when the bot has stopped serving: after stop(), or on its own after a 409 or 401. */
  readonly done: Promise<void>;
  /**
   * Stops taking updates, lets replies being sent finish (at most STOP_WAIT_MS; a retry still
   * waiting on a 429 or a backoff is given up), then resolves. Call it on SIGINT/SIGTERM.
   */
  stop(reason?: string): Promise<void>;
}

/** How long stop() waits for replies already being written. */
export const STOP_WAIT_MS = 10_000;

const CONFLICT_HELP =
  'Telegram answered 409 Conflict: something else is taking this bot\'s updates. Either another instance is long-polling with the same token (only one may: stop it), or a webhook was set for the bot (if this bot should use a webhook, set TELEGRAM_WEBHOOK_URL; otherwise delete it with the Bot API method deleteWebhook, e.g. https://api.telegram.org/bot<TOKEN>/deleteWebhook). This instance has stopped polling and will not retry; restart it once the other one is gone.';
const UNAUTHORIZED_HELP = 'Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the current token from @BotFather (/mybots → your bot → API Token) into .env and restart.';

/** Resolves true when the promise settles within `ms`, false when the wait ran out. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function scrub(text: string, token: string): string {
  return text.split(token).join('[redacted]');
}

/** A start-up failure as an AdapterError that says what to do. */
function startFailure(error: unknown, step: string, config: Config, token: string): AdapterError {
  const root = config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org';
  if (error instanceof TelegramError && error.code === 401) return new AdapterError('telegram', UNAUTHORIZED_HELP, { cause: error });
  if (error instanceof TelegramError && error.code === 404)
    return new AdapterError('telegram', `${step}: the Bot API at ${root} answered 404 Not Found; check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT`, { cause: error });
  if (error instanceof TelegramError) return new AdapterError('telegram', `${step}: Telegram refused: ${scrub(error.message, token)}`, { cause: error });
  const message = error instanceof Error ? scrub(error.message, token) : String(error);
  return new AdapterError('telegram', `${step}: could not reach the Bot API at ${root} (${message}); check the network or TELEGRAM_API_ROOT`, { cause: error });
}

function listen(app: Hono, config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () => resolve(server));
    server.once('error', reject);
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

/**
 * Starts the Telegram bot: checks the token (getMe), registers the command menus, then takes
 * updates by webhook when TELEGRAM_WEBHOOK_URL is set and by long polling otherwise. Resolves once
 * the bot is serving. Start-up problems reject with an AdapterError saying what to fix; a 409
 * Conflict or a revoked token later stops the bot with one log line saying what to do, instead of
 * a retry loop. SIGINT/SIGTERM are the caller's: it calls `stop()`.
 */
export async function startTelegram<E extends Env, S extends Schema, B extends string>(options: StartTelegramOptions<E, S, B>): Promise<TelegramHandle> {
  const { engine, config, logger } = options;
  const stopping = new AbortController();
  const shared = options.state ?? createMemoryState();
  const bot = createTelegramBot({ engine, config, logger, questionLog: options.questionLog, state: shared, signal: stopping.signal, ...(options.clock ? { clock: options.clock } : {}), ...(options.timing ? { timing: options.timing } : {}) });
  const seen = seenOrNew(shared.seenCache('telegram-update', { ttlMs: SEEN_UPDATES_MS, maxKeys: config.SESSION_MAX }), logger);
  const queue = createUpdateQueue(
    async (update) => {
      if (await seen.firstSeen(String(update.update_id))) await bot.handleUpdate(update);
      else logger.info('telegram.duplicate_update', { updateId: update.update_id });
    },
    { concurrency: UPDATE_CONCURRENCY, maxPending: MAX_PENDING_UPDATES },
  );
  const token = config.TELEGRAM_BOT_TOKEN ?? '';
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  let state: 'starting' | 'running' | 'stopped' = 'starting';

  // The route goes on before the first await: Hono refuses routes once it has served a request.
  const inflight = new Set<Promise<void>>();
  const ownApp = webhookUrl && !options.http ? new Hono() : undefined;
  if (webhookUrl) {
    const route: WebhookRoute = {
      path: webhookPath(webhookUrl),
      secret: webhookSecret(token),
      ready: () => state === 'running',
      logger,
      handle(update) {
        const run = queue.push(update).finally(() => inflight.delete(run));
        inflight.add(run);
        return run;
      },
    };
    if (options.http) mountWebhook(options.http.app, route);
    if (ownApp) mountWebhook(ownApp, route);
  }
  let server: ServerType | undefined;
  try {
    if (ownApp) server = await listen(ownApp, config);
    engine.warmUp();
    try {
      bot.botInfo = await bot.telegram.getMe();
    } catch (error) {
      throw startFailure(error, 'getMe', config, token);
    }
    await registerCommands(bot.telegram, logger);
    if (webhookUrl) {
      try {
        await bot.telegram.setWebhook(webhookUrl, { secret_token: webhookSecret(token), allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
      } catch (error) {
        throw startFailure(error, 'setWebhook', config, token);
      }
    }
  } catch (error) {
    state = 'stopped';
    if (server) await close(server);
    throw error;
  }
  const username = bot.botInfo.username;

  if (webhookUrl) {
    state = 'running';
    const publicUrl = new URL(webhookUrl);
    if (publicUrl.protocol !== 'https:') logger.warn('telegram.webhook_not_https', { help: 'Telegram delivers webhooks only to https URLs on ports 443, 80, 88 or 8443; put a TLS proxy in front.' });
    logger.info('telegram.started', { mode: 'webhook', bot: username, host: publicUrl.host, ownServer: !!server });
    let markDone: () => void = () => {};
    const done = new Promise<void>((resolve) => (markDone = resolve));
    return {
      mode: 'webhook',
      done,
      async stop(reason = 'stop') {
        if (state !== 'stopped') {
          state = 'stopped';
          stopping.abort();
          const finished = await within(Promise.allSettled([...inflight]), STOP_WAIT_MS);
          if (server) await close(server);
          logger.info('telegram.stopped', { mode: 'webhook', reason, finishedInFlight: finished });
          markDone();
        }
        await done;
      },
    };
  }

  // Polling and a webhook exclude each other: drop any webhook first (pending updates are kept).
  try {
    await bot.telegram.deleteWebhook({ drop_pending_updates: false });
  } catch (error) {
    throw startFailure(error, 'deleteWebhook', config, token);
  }
  state = 'running';
  const poll = startLongPoll(bot, { allowedUpdates: ALLOWED_UPDATES, logger, queue });
  const done = poll.done
    .then(
      () => logger.info('telegram.stopped', { mode: 'polling' }),
      (error: unknown) => {
        if (error instanceof TelegramError && error.code === 409) logger.error('telegram.conflict', { help: CONFLICT_HELP, description: error.description });
        else if (error instanceof TelegramError && error.code === 401) logger.error('telegram.unauthorized', { help: UNAUTHORIZED_HELP });
        else logger.error('telegram.polling_failed', { error });
      },
    )
    .finally(() => {
      state = 'stopped';
    });
  logger.info('telegram.started', { mode: 'polling', bot: username, apiRoot: config.TELEGRAM_API_ROOT ? new URL(config.TELEGRAM_API_ROOT).host : 'api.telegram.org' });
  return {
    mode: 'polling',
    done,
    async stop(reason = 'stop') {
      if (state === 'running') logger.info('telegram.stopping', { mode: 'polling', reason });
      poll.stop();
      stopping.abort();
      const finished = await within(done, STOP_WAIT_MS);
      if (!finished) logger.warn('telegram.stop_timeout', { waitedMs: STOP_WAIT_MS });
    },
  };
}
