import type { FloodVerdict } from '../flood-limit.js';
import type { Logger } from '../logger.js';
import { StateUnavailableError, type SeenCache, type SharedFloodLimit } from './shared-state.js';

/**
 * A flood limit that lets messages through while the shared store is away. Why: a limit only
 * protects, so when Redis is down the question goes on to the conversation step, which answers
 * with a clear "try again shortly"; silence would be the worse reply.
 */
export function floodOrAllow(limit: SharedFloodLimit, logger: Logger): SharedFloodLimit {
  return {
    take: (key) =>
      limit.take(key).catch((error: unknown): FloodVerdict => {
        if (!(error instanceof StateUnavailableError)) throw error;
        logger.debug('state.flood_unchecked', { error: error.message });
        return 'allow';
      }),
  };
}

/** A duplicate check that counts an id as new while the store is away: answering twice beats never. */
export function seenOrNew(cache: SeenCache, logger: Logger): SeenCache {
  return {
    firstSeen: (id) =>
      cache.firstSeen(id).catch((error: unknown) => {
        if (!(error instanceof StateUnavailableError)) throw error;
        logger.debug('state.duplicate_unchecked', { error: error.message });
        return true;
      }),
  };
}
