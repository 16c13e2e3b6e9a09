import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './error-responses.js';

/** The verdict on one request: let it through, or how long until the client's window reopens. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface FixedWindowOptions {
  /** Requests each client may make per window. */
  limit: number;
  windowMs: number;
  /** Milliseconds since the epoch; injectable so tests move time instead of waiting. */
  clock: () => number;
}

/**
 * A fixed-window counter per client: a few lines of ours, not a dependency. Windows are aligned to
 * the clock (each minute starts fresh for everyone), so the whole table is dropped when a window
 * ends and memory stays bounded by the clients seen in one window.
 */
export function createFixedWindow({ limit, windowMs, clock }: FixedWindowOptions) {
  let window = -1;
  let counts = new Map<string, number>();
  return (key: string): RateDecision => {
    const now = clock();
    const current = Math.floor(now / windowMs);
    if (current !== window) {
      window = current;
      counts = new Map();
    }
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    if (used <= limit) return { allowed: true, remaining: limit - used };
    const reopensAt = (current + 1) * windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now) / 1000)) };
  };
}

/**
 * Answers 429 with Retry-After once a client (as `keyOf` names it) has used its questions for the
 * window; other clients are unaffected.
 */
export function rateLimit(options: FixedWindowOptions & { keyOf: (c: Context) => string }): MiddlewareHandler {
  const hit = createFixedWindow(options);
  return async (c, next) => {
    const decision = hit(options.keyOf(c));
    if (!decision.allowed) {
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return errorResponse(c, 429, 'RATE_LIMITED', `Too many questions from this address; try again in ${decision.retryAfterSeconds} s.`);
    }
    await next();
    return undefined;
  };
}
