import { TelegramError, type Telegram } from 'telegraf';
import { AdapterError } from '../../src/errors.js';
import type { Logger } from '../shared/logger.js';

export interface RetryOptions {
  logger: Logger;
  /** Tries in all, the first included. */
  attempts?: number;
  /** First backoff for network and server errors; doubled on each retry. */
  baseDelayMs?: number;
  /** A 429 asking us to wait longer than this is given up on rather than holding a reply for ages. */
  maxDelayMs?: number;
  /** How long one attempt may take (telegraf alone allows 500 s); getUpdates adds its long-poll timeout. */
  deadlineMs?: number;
  /** How long one call may take in all, attempts and waits included. */
  budgetMs?: number;
  /** Aborted when the bot stops: an attempt under way goes on, but no new one starts and a pending wait ends at once. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** One attempt's default deadline: a healthy Bot API answers in well under a second. */
export const CALL_DEADLINE_MS = 10_000;
/** One call's default total budget, retries included: a reply later than this is no longer worth it. */
export const RETRY_BUDGET_MS = 30_000;

/** A Bot API call that got no answer within its deadline. Retried like a network failure. */
export class CallDeadlineError extends AdapterError {
  readonly method: string;
  readonly deadlineMs: number;
  constructor(method: string, deadlineMs: number, options?: { cause?: unknown }) {
    super('telegram', `${method} got no answer from the Bot API within ${deadlineMs} ms`, options);
    this.method = method;
    this.deadlineMs = deadlineMs;
  }
}

/** Methods never retried here: polling has its own retry loop for getUpdates. */
const NOT_RETRIED = new Set(['getUpdates']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET']);

/**
 * How long to wait before retrying a failed Bot API call, or undefined when retrying cannot help.
 * 429 waits exactly what Telegram's retry_after says; server and network errors and calls past
 * their deadline back off exponentially. Pure, so the policy is tested without clocks.
 */
export function retryDelay(error: unknown, attempt: number, options: { baseDelayMs?: number; maxDelayMs?: number } = {}): number | undefined {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const backoff = Math.min(max, base * 2 ** attempt);
  if (error instanceof CallDeadlineError) return backoff;
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

type CallApi = (method: string, payload: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>;

const unwrapped = new WeakMap<Telegram, CallApi>();

/** Waits `ms`, or less when the signal aborts. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** One attempt under a deadline: the caller's abort passes through, the deadline becomes a CallDeadlineError. */
async function attempt(call: CallApi, method: string, payload: unknown, ms: number, signal?: AbortSignal): Promise<unknown> {
  const deadlineMs = Math.ceil(ms);
  const deadline = AbortSignal.timeout(deadlineMs);
  try {
    return await call(method, payload, { signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
  } catch (error) {
    if (deadline.aborted && !signal?.aborted) throw new CallDeadlineError(method, deadlineMs, { cause: error });
    throw error;
  }
}

/** getUpdates may be held open `timeout` seconds by Telegram, so its deadline starts after that. */
function longPollSeconds(method: string, payload: unknown): number {
  const timeout = method === 'getUpdates' ? (payload as { timeout?: unknown } | null)?.timeout : undefined;
  return typeof timeout === 'number' ? timeout : 0;
}

/**
 * Makes every Bot API call made through this Telegram client end in bounded time: each attempt
 * has a deadline, 429, 5xx, network failures and missed deadlines are retried, and all attempts
 * and waits of one call fit in a total budget. telegraf itself allows a call 500 s and retries
 * only getUpdates, and gives each update its own client, so the bot installs this on each update's
 * client as well as on its own. A retry after Telegram got the request can, rarely, send a message
 * twice; losing an answer is the worse failure.
 */
export function installRetry(telegram: Telegram, options: RetryOptions): void {
  if (unwrapped.has(telegram)) return;
  const call = telegram.callApi.bind(telegram) as unknown as CallApi;
  unwrapped.set(telegram, call);
  const attempts = Math.max(1, options.attempts ?? 4);
  const deadlineMs = options.deadlineMs ?? CALL_DEADLINE_MS;
  const budgetMs = options.budgetMs ?? RETRY_BUDGET_MS;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? (() => performance.now());
  const retrying: CallApi = async (method, payload, callOptions) => {
    const signal = callOptions?.signal;
    const stopped = () => signal?.aborted === true || options.signal?.aborted === true;
    const waitSignal = signal && options.signal ? AbortSignal.any([signal, options.signal]) : (signal ?? options.signal);
    const longPollMs = longPollSeconds(method, payload) * 1000;
    const started = now();
    for (let tried = 0; ; tried++) {
      const left = budgetMs - (now() - started);
      try {
        return await attempt(call, method, payload, longPollMs + Math.max(1, Math.min(deadlineMs, left)), signal);
      } catch (error) {
        const delay = NOT_RETRIED.has(method) || tried + 1 >= attempts || stopped() ? undefined : retryDelay(error, tried, options);
        if (delay === undefined) throw error;
        if (now() - started + delay >= budgetMs) {
          options.logger.warn('telegram.retry_budget_spent', { method, attempts: tried + 1, budgetMs, error });
          throw error;
        }
        options.logger.warn('telegram.retry', { method, attempt: tried + 1, delayMs: delay, error });
        await sleep(delay, waitSignal);
        if (stopped()) throw error;
      }
    }
  };
  telegram.callApi = retrying as unknown as Telegram['callApi'];
}

/**
 * One attempt with a short deadline, around any retry installed on this client. For the apology
 * after a handler failed or timed out: the usual path may be the one that is stuck, and a late
 * apology is worth less than a free slot for the next question.
 */
export function callOnce(telegram: Telegram, method: string, payload: unknown, deadlineMs: number): Promise<unknown> {
  const call = unwrapped.get(telegram) ?? (telegram.callApi.bind(telegram) as unknown as CallApi);
  return attempt(call, method, payload, deadlineMs);
}
