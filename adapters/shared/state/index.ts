/**
 * Where an instance's memory between messages lives (conversations, rate limits, flood windows,
 * duplicate caches): one port, an in-memory implementation and a Redis one for scale-out.
 */
export { createSharedState } from './create-state.js';
export { createMemoryState } from './memory-state.js';
export { createRedisState, redactRedisUrl, type RedisStateOptions } from './redis-state.js';
export { floodOrAllow, seenOrNew } from './fail-open.js';
export { StateUnavailableError, type ConversingEngine, type SeenCache, type SharedFloodLimit, type SharedState, type WindowCounter } from './shared-state.js';
