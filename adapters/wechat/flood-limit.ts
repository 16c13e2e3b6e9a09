import { BoundedMap } from './bounded-map.js';
import type { Clock } from './pacer.js';

/** allow: answer it; notice: tell the sender once to slow down; drop: stay silent. */
export type FloodVerdict = 'allow' | 'notice' | 'drop';

export interface FloodLimitOptions {
  /** Messages one contact may send to the bot per window (WECHAT_FLOOD_PER_MINUTE). */
  perWindow: number;
  windowMs?: number;
  clock: Clock;
  maxContacts?: number;
}

export interface FloodLimit {
  take(contactId: string): FloodVerdict;
}

interface Entry {
  times: number[];
  noticed: boolean;
}

/**
 * A sliding window per contact. Why: one person (or a script on their account) must not make the
 * bot flood a group or run up the account's send quota. The first message over the limit gets one
 * notice, the rest nothing, until the window frees a slot; then the notice is armed again.
 */
export function createFloodLimit(options: FloodLimitOptions): FloodLimit {
  const windowMs = options.windowMs ?? 60_000;
  const entries = new BoundedMap<string, Entry>(options.maxContacts ?? 10_000);
  return {
    take(contactId) {
      const now = options.clock();
      const entry = entries.get(contactId) ?? { times: [], noticed: false };
      entry.times = entry.times.filter((t) => now - t < windowMs);
      entries.set(contactId, entry);
      if (entry.times.length < options.perWindow) {
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
