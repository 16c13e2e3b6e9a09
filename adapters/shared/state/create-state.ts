import type { Config } from '../../config/index.js';
import type { Logger } from '../logger.js';
import { createMemoryState } from './memory-state.js';
import { createRedisState } from './redis-state.js';
import type { SharedState } from './shared-state.js';

/** The state `npm start` runs with: Redis when REDIS_URL is set, memory otherwise. */
export async function createSharedState(config: Pick<Config, 'REDIS_URL' | 'SESSION_IDLE_MINUTES'>, logger: Logger): Promise<SharedState> {
  if (!config.REDIS_URL) return createMemoryState();
  const state = await createRedisState({ url: config.REDIS_URL, logger, sessionIdleMs: config.SESSION_IDLE_MINUTES * 60_000 });
  logger.info('state.redis_connected', {});
  return state;
}
