import type { SessionContext } from '../types.js';
import { BoundedMap } from './bounded-map.js';

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
 * The default store: a least-recently-used map bounded in count, whose entries also expire when
 * idle, so a million distinct users cannot exhaust memory.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries: BoundedMap<string, SessionContext>;
  readonly #idleMs: number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#entries = new BoundedMap(options.maxEntries ?? 10_000);
    this.#idleMs = options.idleMs ?? 30 * 60_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string, now: number): SessionContext | undefined {
    const context = this.#entries.get(id);
    if (context && now - context.at > this.#idleMs) {
      this.#entries.delete(id);
      return undefined;
    }
    return context;
  }

  set(id: string, context: SessionContext): void {
    this.#entries.set(id, context);
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }
}
