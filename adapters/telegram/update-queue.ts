import pLimit from 'p-limit';
import type { Update } from 'telegraf/types';

export interface UpdateQueueOptions {
  /** Updates handled at the same time, across chats. */
  concurrency: number;
  /** Updates waiting or running before `room()` makes the poller wait. */
  maxPending: number;
}

/** Updates in order within a chat, side by side across chats, a bounded number at a time. */
export interface UpdateQueue {
  /** Queues an update behind the earlier ones of its chat; settles once it has been handled. */
  push(update: Update): Promise<void>;
  /** Resolves when fewer than `maxPending` updates are waiting or running, so polling may go on. */
  room(): Promise<void>;
  /** Resolves when every update pushed so far has been handled. */
  idle(): Promise<void>;
  readonly pending: number;
}

/** Concurrency for polling and webhooks: enough for a busy city bot, few enough for 2 cores. */
export const UPDATE_CONCURRENCY = 16;
export const MAX_PENDING_UPDATES = 200;

/**
 * The conversation an update belongs to: its chat, or for inline queries its user. Follow-ups
 * read the previous turn, so one chat's updates must be answered in the order they were sent.
 */
export function conversationKey(update: Update): string {
  if ('message' in update) return `chat:${update.message.chat.id}`;
  if ('edited_message' in update) return `chat:${update.edited_message.chat.id}`;
  if ('callback_query' in update) {
    const chat = update.callback_query.message?.chat.id;
    return chat === undefined ? `user:${update.callback_query.from.id}` : `chat:${chat}`;
  }
  if ('inline_query' in update) return `user:${update.inline_query.from.id}`;
  return `update:${update.update_id}`;
}

/**
 * Why: the poll loop used to await the whole batch, so one chat whose reply waited on a 429 (or a
 * call that never returned) held every other chat's answer. Here each chat has its own line, the
 * lines share `concurrency` slots (p-limit), and `handle` must settle on its own (telegraf's
 * handlerTimeout and the Bot API deadlines see to that), so no line stalls forever.
 */
export function createUpdateQueue(handle: (update: Update) => Promise<void>, options: UpdateQueueOptions): UpdateQueue {
  const limit = pLimit(options.concurrency);
  const tails = new Map<string, Promise<void>>();
  const waiters = new Set<() => void>();
  let pending = 0;
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      if (ready()) return resolve();
      const waiter = () => {
        if (!ready()) return;
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });

  return {
    push(update) {
      const key = conversationKey(update);
      pending++;
      const run = (tails.get(key) ?? Promise.resolve()).then(() => limit(() => handle(update)));
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
        pending--;
        wake();
      });
      return run;
    },
    room: () => until(() => pending < options.maxPending),
    idle: () => until(() => pending === 0),
    get pending() {
      return pending;
    },
  };
}
