import type { Turn } from '../../../src/engine/index.js';
import { AdapterError } from '../../../src/errors.js';
import type { Answer, Question, SessionContext } from '../../../src/types.js';
import type { FloodLimitOptions, FloodVerdict } from '../flood-limit.js';

/**
 * What the state needs of the engine: its one way in, and the same with the context as a value. A
 * library takes the pack the asker chose (`report`) too; a single engine, which has one, ignores it.
 */
export interface ConversingEngine {
  ask(question: Question & { report?: string }): Answer;
  respond(text: string, context?: SessionContext, report?: string): Turn;
}

/** Counts hits per key in clock-aligned fixed windows (a rate limit's table). */
export interface WindowCounter {
  /** Counts one hit; returns the hits in the key's current window, this one included, and when it ends. */
  hit(key: string): Promise<{ count: number; resetAt: number }>;
}

/** A flood limit whose windows may live in another process. */
export interface SharedFloodLimit {
  take(key: string): Promise<FloodVerdict>;
}

/** Remembers ids for a while, to drop a message or update delivered twice. */
export interface SeenCache {
  /** True the first time `id` is offered within the cache's time to live, false after. */
  firstSeen(id: string): Promise<boolean>;
}

/**
 * Where everything an instance remembers between messages lives: conversation contexts, rate-limit
 * counters, flood windows and duplicate caches. In memory by default (one instance); in Redis when
 * REDIS_URL is set, so several instances behind a load balancer serve one bot as if they were one.
 * Each method names its table (`name`), so adapters never share keys by accident.
 */
export interface SharedState {
  readonly kind: 'memory' | 'redis';
  /** One turn of a conversation: reads its context, asks the engine, stores the new context. */
  converse(engine: ConversingEngine, text: string, session: string | undefined, report?: string): Promise<Answer>;
  windowCounter(name: string, options: { windowMs: number; clock: () => number }): WindowCounter;
  floodLimit(name: string, options: FloodLimitOptions): SharedFloodLimit;
  seenCache(name: string, options: { ttlMs: number; maxKeys?: number }): SeenCache;
  /** Closes connections; the state is unusable after. */
  close(): Promise<void>;
}

/**
 * The shared store could not be reached (Redis down or too slow). Adapters answer it with a
 * clear "try again shortly" instead of a crash; the store reconnects on its own.
 */
export class StateUnavailableError extends AdapterError {
  constructor(operation: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause ?? 'unknown');
    super('state', `the shared store (Redis) could not ${operation}: ${reason}`, options);
  }
}
