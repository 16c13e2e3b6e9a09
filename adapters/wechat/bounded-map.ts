/**
 * A Map that keeps at most `max` entries, dropping the least recently used. Every per-user table in
 * this adapter (last suggestions, flood counters, send times) uses it, so a bot in many busy groups
 * cannot grow without bound.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #max: number;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`BoundedMap needs a positive integer size, got ${max}`);
    this.#max = max;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Reads an entry and marks it recently used (a Map iterates in insertion order). */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }
}
