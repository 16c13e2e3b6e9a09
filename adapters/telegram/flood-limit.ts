import { BoundedMap } from './bounded-map.js';

/** What to do with one more question from a chat: answer it, say once that it is too much, or drop it. */
export type FloodVerdict = 'ok' | 'notify' | 'drop';

export interface FloodLimitOptions {
  /** Questions a chat may ask in any 60 seconds. */
  perMinute: number;
  clock?: () => number;
  /** Chats remembered at once; the least recently active are forgotten. */
  maxChats?: number;
}

export interface FloodLimit {
  take(key: string): FloodVerdict;
}

const WINDOW_MS = 60_000;

interface Window {
  times: number[];
  notified: boolean;
}

/**
 * A sliding one-minute window per chat. The first question over the limit gets one polite notice
 * and the rest are dropped silently until the window frees up, so a flood costs us one message,
 * not one per flooded question, and never trips Telegram's own limits on our bot.
 */
export function createFloodLimit(options: FloodLimitOptions): FloodLimit {
  const clock = options.clock ?? Date.now;
  const perMinute = Math.max(1, Math.floor(options.perMinute));
  const windows = new BoundedMap<string, Window>(options.maxChats ?? 10_000);
  return {
    take(key) {
      const now = clock();
      const window = windows.get(key) ?? { times: [], notified: false };
      window.times = window.times.filter((t) => now - t < WINDOW_MS);
      windows.set(key, window);
      if (window.times.length < perMinute) {
        window.times.push(now);
        window.notified = false;
        return 'ok';
      }
      if (window.notified) return 'drop';
      window.notified = true;
      return 'notify';
    },
  };
}
