import { BoundedMap } from '../../src/session/bounded-map.js';

/**
 * What to do with one more message from a sender. Only a verdict, not a reply: each adapter decides
 * how a notice looks (Telegram's localized text, WeChat's bilingual line) and what a drop means there.
 * allow: answer it; notice: tell the sender once to slow down; drop: stay silent.
 */
export type FloodVerdict = 'allow' | 'notice' | 'drop';

export interface FloodLimitOptions {
  /** Messages one key may send per window; each adapter takes it from its own setting. Must be a positive integer. */
  perWindow: number;
  /** Length of the sliding window; a minute unless an adapter needs otherwise. */
  windowMs?: number;
  /** Milliseconds since the epoch; tests pass a fake one. */
  clock?: () => number;
  /** Keys (chats, users, contacts) remembered at once; the least recently active are forgotten. */
  maxKeys?: number;
}

export interface FloodLimit {
  /** Counts one message from `key` (an adapter's own id for a chat, user or contact) and judges it. */
  take(key: string): FloodVerdict;
}

interface Entry {
  times: number[];
  noticed: boolean;
}

/**
 * A sliding window per key. Why: one person (or a script on their account) must not make a bot
 * flood a chat, run up its send quota or trip the platform's own limits on the bot. The first
 * message over the limit gets one notice and the rest nothing until the window frees a slot, so a
 * flood costs one message, not one per flooded question; then the notice is armed again.
 */
export function createFloodLimit(options: FloodLimitOptions): FloodLimit {
  const { perWindow } = options;
  if (!Number.isInteger(perWindow) || perWindow < 1) throw new RangeError(`createFloodLimit needs a positive integer perWindow, got ${perWindow}`);
  const windowMs = options.windowMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  const entries = new BoundedMap<string, Entry>(options.maxKeys ?? 10_000);
  return {
    take(key) {
      const now = clock();
      const entry = entries.get(key) ?? { times: [], noticed: false };
      entry.times = entry.times.filter((t) => now - t < windowMs);
      entries.set(key, entry);
      if (entry.times.length < perWindow) {
        entry.times.push(now);
        entry.noticed = false;
        return 'allow';
      }
      if (entry.noticed) return 'drop';
      entry.noticed = true;
      return 'notice';
    },
  };
}
