import { TelegramError, type Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../shared/logger.js';
import { retryDelay } from './retry-api.js';
import type { UpdateQueue } from './update-queue.js';

export interface LongPollOptions {
  allowedUpdates: readonly string[];
  logger: Logger;
  /** Where fetched updates go: in order per chat, side by side across chats. */
  queue: UpdateQueue;
  /** Seconds Telegram may hold each getUpdates open; 50 like telegraf. */
  timeoutSeconds?: number;
}

export interface LongPoll {
  /** Settles when polling has ended and the queued updates' replies are done; rejects on 401, 409 and other refusals. */
  readonly done: Promise<void>;
  /** Ends polling: the pending getUpdates is aborted, the updates already fetched are finished. */
  stop(): void;
}

type CallOptions = Parameters<Telegraf['telegram']['callApi']>[2];

/** Waits `ms`, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Long polling, written here rather than taken from `bot.launch()` because launch can be stopped
 * only once its internal poller exists (a SIGTERM during start-up would leave it polling), and it
 * retries every failure after a fixed 5 s. Here stop works at any moment, 429 waits retry_after,
 * network and server errors back off, and 401/409 end the loop for the caller to explain.
 * Updates are confirmed (offset) as soon as they are fetched, as telegraf does, so one update that
 * crashes the handler is not fetched again forever. Fetched updates go to the queue and polling
 * goes on at once (while the queue has room), so one slow chat never holds the others' answers.
 */
export function startLongPoll(bot: Pick<Telegraf, 'telegram'>, options: LongPollOptions): LongPoll {
  const controller = new AbortController();
  const { signal } = controller;
  const timeout = options.timeoutSeconds ?? 50;
  const callOptions = { signal } as unknown as CallOptions;

  async function run(): Promise<void> {
    let offset = 0;
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await bot.telegram.callApi('getUpdates', { timeout, offset, allowed_updates: [...options.allowedUpdates] as never }, callOptions);
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof TelegramError && (error.code === 401 || error.code === 409)) throw error;
        const delay =
          error instanceof TelegramError && error.code === 429
            ? (error.parameters?.retry_after ?? 5) * 1000
            : (retryDelay(error, failures, { baseDelayMs: 1000, maxDelayMs: 60_000 }) ?? (error instanceof TelegramError ? undefined : 5000));
        failures++;
        if (delay === undefined) throw error;
        options.logger.warn('telegram.poll_retry', { attempt: failures, delayMs: delay, error });
        await pause(delay, signal);
        continue;
      }
      const last = updates[updates.length - 1];
      if (last) offset = last.update_id + 1;
      for (const update of updates) {
        options.queue.push(update).catch((error: unknown) => options.logger.error('telegram.update_failed', { updateId: update.update_id, error }));
      }
      await options.queue.room();
    }
    await options.queue.idle();
    // Confirm what was handled, so a restart does not answer the last batch again.
    if (offset) await bot.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  return { done: run(), stop: () => controller.abort() };
}
