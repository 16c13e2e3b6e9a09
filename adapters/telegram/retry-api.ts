import { TelegramError, type Telegram } from 'telegraf';
import type { Logger } from '../shared/logger.js';

export interface RetryOptions {
  logger: Logger;
  /** Tries in all, the first included. */
  attempts?: number;
  /** First backoff for network and server errors; doubled on each retry. */
  baseDelayMs?: number;
  /** A 429 asking us to wait longer than this is given up on rather than holding a reply for ages. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Methods never retried here: polling has its own retry loop for getUpdates. */
const NOT_RETRIED = new Set(['getUpdates']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET']);

/**
 * How long to wait before retrying a failed Bot API call, or undefined when retrying cannot help.
 * 429 waits exactly what Telegram's retry_after says; server and network errors back off
 * exponentially. Pure, so the policy is tested without clocks.
 */
export function retryDelay(error: unknown, attempt: number, options: { baseDelayMs?: number; maxDelayMs?: number } = {}): number | undefined {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const backoff = Math.min(max, base * 2 ** attempt);
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const wait = (error.parameters?.retry_after ?? 1) * 1000;
      return wait <= max ? wait : undefined;
    }
    return error.code >= 500 ? backoff : undefined;
  }
  const e = error as { name?: unknown; code?: unknown; type?: unknown } | null;
  if (e?.name === 'AbortError') return undefined;
  if (e?.name === 'FetchError' || (typeof e?.code === 'string' && NETWORK_CODES.has(e.code))) return backoff;
  return undefined;
}

const wrapped = new WeakSet<Telegram>();
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type CallApi = (method: string, payload: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>;

/**
 * Makes every Bot API call made through this Telegram client retry on 429, 5xx and network
 * failures. telegraf itself retries only getUpdates, and gives each update its own client, so the
 * bot installs this on each update's client as well as on its own. A network error after Telegram
 * got the request can, rarely, send a message twice; losing an answer is the worse failure.
 */
export function installRetry(telegram: Telegram, options: RetryOptions): void {
  if (wrapped.has(telegram)) return;
  wrapped.add(telegram);
  const attempts = Math.max(1, options.attempts ?? 4);
  const sleep = options.sleep ?? defaultSleep;
  const call = telegram.callApi.bind(telegram) as unknown as CallApi;
  const retrying: CallApi = async (method, payload, callOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call(method, payload, callOptions);
      } catch (error) {
        const delay = NOT_RETRIED.has(method) || attempt + 1 >= attempts ? undefined : retryDelay(error, attempt, options);
        if (delay === undefined) throw error;
        options.logger.warn('telegram.retry', { method, attempt: attempt + 1, delayMs: delay, error });
        await sleep(delay);
      }
    }
  };
  telegram.callApi = retrying as unknown as Telegram['callApi'];
}
