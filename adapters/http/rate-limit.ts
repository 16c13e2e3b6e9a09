import type { Context, MiddlewareHandler } from 'hono';
import type { WindowCounter } from '../shared/state/index.js';
import { errorResponse } from './error-responses.js';

/** The verdict on one request: let it through, or how long until the client's window reopens. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitOptions {
  /** Requests each client may make per window. */
  limit: number;
  /** The window's counter: in memory, or in Redis so every instance counts against one quota. */
  counter: WindowCounter;
  /** Milliseconds since the epoch; injectable so tests move time instead of waiting. */
  clock: () => number;
  keyOf: (c: Context) => string;
}

/** The verdict for the `count`-th request of a window that ends at `resetAt`. */
export function decide(count: number, resetAt: number, limit: number, now: number): RateDecision {
  if (count <= limit) return { allowed: true, remaining: limit - count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
}

/**
 * Answers 429 with Retry-After once a client (as `keyOf` names it) has used its questions for the
 * window; other clients are unaffected. Windows are aligned to the clock (each minute starts fresh
 * for everyone), so a counter table never holds more than one window's clients.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const { count, resetAt } = await options.counter.hit(options.keyOf(c));
    const decision = decide(count, resetAt, options.limit, options.clock());
    if (!decision.allowed) {
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return errorResponse(c, 429, 'RATE_LIMITED', `Too many questions from this address; try again in ${decision.retryAfterSeconds} s.`);
    }
    await next();
    return undefined;
  };
}
