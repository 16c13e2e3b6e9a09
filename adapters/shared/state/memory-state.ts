import { BoundedMap } from '../../../src/session/bounded-map.js';
import { createFloodLimit } from '../flood-limit.js';
import type { SharedState } from './shared-state.js';

/**
 * Today's single-instance state: conversations in the engine's own bounded session store (so
 * `engine.ask` is used as is), counters, flood windows and seen ids in bounded maps.
 */
export function createMemoryState(): SharedState {
  return {
    kind: 'memory',
    converse: (engine, text, session, report) => Promise.resolve(engine.ask({ text, ...(session === undefined ? {} : { session }), ...(report === undefined ? {} : { report }) })),
    windowCounter(_name, { windowMs, clock }) {
      let window = -1;
      let counts = new Map<string, number>();
      return {
        hit(key) {
          const current = Math.floor(clock() / windowMs);
          if (current !== window) {
            window = current;
            counts = new Map();
          }
          const count = (counts.get(key) ?? 0) + 1;
          counts.set(key, count);
          return Promise.resolve({ count, resetAt: (current + 1) * windowMs });
        },
      };
    },
    floodLimit(_name, options) {
      const limit = createFloodLimit(options);
      return { take: (key) => Promise.resolve(limit.take(key)) };
    },
    seenCache(_name, { ttlMs, maxKeys = 10_000 }) {
      const seen = new BoundedMap<string, number>(maxKeys);
      return {
        firstSeen(id) {
          const now = Date.now();
          const at = seen.get(id);
          if (at !== undefined && now - at < ttlMs) return Promise.resolve(false);
          seen.set(id, now);
          return Promise.resolve(true);
        },
      };
    },
    close: () => Promise.resolve(),
  };
}
