import type { SessionContext } from '../types.js';

/**
 * Where conversations keep their last topic. Synchronous so a question costs no await; a shared
 * store for several instances can implement it over a local cache, or callers can use the
 * engine's `respond`, which takes and returns the context as a value.
 */
export interface SessionStore {
  get(id: string, now: number): SessionContext | undefined;
  set(id: string, context: SessionContext): void;
  delete(id: string): void;
  readonly size: number;
}

export interface MemorySessionStoreOptions {
  /** Most conversations kept; the least recently used is dropped beyond it. */
  maxEntries?: number;
  /** A conversation idle this long (ms) is forgotten. */
  idleMs?: number;
}

/**
 * The default store: a Map kept in recency order (a Map iterates in insertion order, so deleting
 * and re-inserting on use makes its first key the least recently used). Bounded in count and age,
 * so a million distinct users cannot exhaust memory.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, SessionContext>();
  readonly #maxEntries: number;
  readonly #idleMs: number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#idleMs = options.idleMs ?? 30 * 60_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string, now: number): SessionContext | undefined {
    const context = this.#entries.get(id);
    if (!context) return undefined;
    this.#entries.delete(id);
    if (now - context.at > this.#idleMs) return undefined;
    this.#entries.set(id, context);
    return context;
  }

  set(id: string, context: SessionContext): void {
    this.#entries.delete(id);
    this.#entries.set(id, context);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }
}
