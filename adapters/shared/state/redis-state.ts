import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';
import { z } from 'zod';
import { AdapterError } from '../../../src/errors.js';
import type { SessionContext } from '../../../src/types.js';
import type { FloodVerdict } from '../flood-limit.js';
import type { Logger } from '../logger.js';
import { StateUnavailableError, type SharedState } from './shared-state.js';

export interface RedisStateOptions {
  url: string;
  logger: Logger;
  /** A conversation idle this long is forgotten (Redis expires it). */
  sessionIdleMs: number;
  /** Put before every key, so one Redis can hold other data too. */
  keyPrefix?: string;
  /** How long one command may take before it counts as a failure. */
  commandTimeoutMs?: number;
}

/** A context as the engine wrote it; anything else read back from Redis is ignored. */
/** …and the pack a library conversation is in (`report`). */
const StoredContext = z.object({ intent: z.string(), concepts: z.array(z.string()), lang: z.enum(['zh-Hans', 'zh-Hant', 'en']), at: z.number(), options: z.array(z.string()).optional(), item: z.number().int().nonnegative().optional(), recent: z.array(z.string()).max(2).optional(), report: z.string().optional(), reportOptions: z.array(z.string()).optional() });

/**
 * The sliding flood window of createFloodLimit, atomic in Redis: drop times older than the window,
 * allow while fewer than the limit remain (and re-arm the notice), else one notice, then drops.
 */
const FLOOD_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('DEL', KEYS[2])
  return 'allow'
end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[2]) then return 'notice' end
return 'drop'`;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The URL without its password, for logs and errors. */
export function redactRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * State in Redis (ioredis), so several instances share conversations and limits. Commands fail at
 * once while Redis is away (no offline queue) and the client reconnects in the background, so a
 * Redis outage costs the questions asked during it a clear error, never a hang or a crash; one
 * log line marks the outage and one the recovery. Rejects when Redis cannot be reached at start.
 */
export async function createRedisState(options: RedisStateOptions): Promise<SharedState> {
  const { logger } = options;
  const prefix = options.keyPrefix ?? 'gongkai-qa:';
  const where = redactRedisUrl(options.url);
  // Loaded here, not at import: ioredis is ~10 MB of memory that a server without REDIS_URL never needs.
  const { Redis } = createRequire(import.meta.url)('ioredis') as { Redis: typeof RedisClient };
  const redis = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let down = false;
  let closing = false;
  const markDown = (reason: string) => {
    if (down || closing) return;
    down = true;
    logger.error('state.redis_down', { redis: where, reason, help: 'questions get a "try again shortly" reply until Redis is back; reconnecting' });
  };
  let connected = false;
  redis.on('error', (error: Error) => {
    if (connected) markDown(error.message);
  });
  redis.on('close', () => {
    if (connected) markDown('connection closed');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('state.redis_up', { redis: where });
  });
  try {
    await redis.connect();
  } catch (cause) {
    redis.disconnect();
    throw new AdapterError('state', `cannot reach Redis at ${where} (${(cause as Error).message}); check REDIS_URL and that redis-server is running`, { cause });
  }
  connected = true;

  const run = async <T>(operation: string, command: () => Promise<T>): Promise<T> => {
    try {
      return await command();
    } catch (cause) {
      throw new StateUnavailableError(operation, { cause });
    }
  };

  return {
    kind: 'redis',
    async converse(engine, text, session, report) {
      if (session === undefined) return engine.respond(text, undefined, report).answer;
      const key = `${prefix}context:${session}`;
      const stored = await run('read a conversation', () => redis.get(key));
      let context: SessionContext | undefined;
      if (stored !== null) {
        const parsed = StoredContext.safeParse(parseJson(stored));
        if (parsed.success) context = parsed.data;
        else logger.warn('state.context_ignored', { reason: 'not a conversation context' });
      }
      const turn = engine.respond(text, context, report);
      if (turn.context && turn.context !== context) {
        const next = JSON.stringify(turn.context);
        await run('store a conversation', () => redis.set(key, next, 'PX', options.sessionIdleMs));
      }
      return turn.answer;
    },
    windowCounter(name, { windowMs, clock }) {
      return {
        async hit(key) {
          const window = Math.floor(clock() / windowMs);
          const redisKey = `${prefix}rate:${name}:${window}:${key}`;
          const results = await run('count a request', () => redis.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec());
          const count = Number(results?.[0]?.[1] ?? Number.NaN);
          if (!Number.isFinite(count)) throw new StateUnavailableError('count a request', { cause: results?.[0]?.[0] ?? new Error('no reply') });
          return { count, resetAt: (window + 1) * windowMs };
        },
      };
    },
    floodLimit(name, { perWindow, windowMs = 60_000, clock = Date.now }) {
      return {
        async take(key) {
          const base = `${prefix}flood:${name}:${key}`;
          const verdict = await run('check a flood limit', () => redis.eval(FLOOD_SCRIPT, 2, `${base}:times`, `${base}:noticed`, clock(), windowMs, perWindow, randomUUID()));
          return verdict as FloodVerdict;
        },
      };
    },
    seenCache(name, { ttlMs }) {
      return {
        async firstSeen(id) {
          const set = await run('check for a duplicate', () => redis.set(`${prefix}seen:${name}:${id}`, '1', 'PX', ttlMs, 'NX'));
          return set === 'OK';
        },
      };
    },
    async close() {
      closing = true;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
