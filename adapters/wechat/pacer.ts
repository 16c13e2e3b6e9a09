import { BoundedMap } from '../../src/session/bounded-map.js';
import { createKeyedQueue } from './keyed-queue.js';

/** Milliseconds since the epoch; injectable so tests need no real time. */
export type Clock = () => number;
/** Waits the given milliseconds; tests pass one that advances a fake clock instead. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PacerOptions {
  /** Least time between two sends in one chat; WeChat throttles (and may ban) faster senders. */
  intervalMs?: number;
  clock: Clock;
  sleep: Sleep;
  /** Most chats whose last send time is remembered. */
  maxChats?: number;
}

/** Sends in one chat go out in order, at most one per interval; other chats are not held up. */
export interface Pacer {
  send<T>(chatId: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Why: a reply split into several messages, or many questions in one group, would otherwise go out
 * in a burst, which WeChat treats as spam. The gap is measured from the end of the previous send.
 */
export function createPacer(options: PacerOptions): Pacer {
  const interval = options.intervalMs ?? 1000;
  const lastSent = new BoundedMap<string, number>(options.maxChats ?? 10_000);
  const queue = createKeyedQueue();
  return {
    send(chatId, task) {
      return queue.run(chatId, async () => {
        const last = lastSent.get(chatId);
        const wait = last === undefined ? 0 : last + interval - options.clock();
        if (wait > 0) await options.sleep(wait);
        try {
          return await task();
        } finally {
          lastSent.set(chatId, options.clock());
        }
      });
    },
  };
}
