import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/session/bounded-map.js';

describe('BoundedMap', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBeUndefined();
    expect([map.get('b'), map.get('c')]).toEqual([2, 3]);
  });

  it('counts reads and rewrites as use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    map.set('a', 10);
    map.set('d', 4);
    expect(map.get('c')).toBeUndefined();
    expect([map.get('a'), map.get('d')]).toEqual([10, 4]);
  });

  it('refreshes a key stored with an undefined value when read', () => {
    const map = new BoundedMap<string, number | undefined>(2);
    map.set('a', undefined);
    map.set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it('deletes an entry', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.delete('a');
    map.delete('missing');
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('refuses a size that is not a positive integer', () => {
    for (const max of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new BoundedMap(max)).toThrow(RangeError);
  });

  it('keeps exactly the most recently used keys through long random churn, as a plain recency list would', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const max = 50;
    const map = new BoundedMap<number, number>(max);
    let order: number[] = [];
    const use = (key: number) => {
      order = [...order.filter((k) => k !== key), key];
    };
    for (let step = 0; step < 20_000; step++) {
      const key = random(120);
      const op = random(10);
      if (op < 5) {
        map.set(key, step);
        use(key);
        if (order.length > max) order = order.slice(order.length - max);
      } else if (op < 9) {
        const known = order.includes(key);
        expect(map.get(key) !== undefined).toBe(known);
        if (known) use(key);
      } else {
        map.delete(key);
        order = order.filter((k) => k !== key);
      }
      expect(map.size).toBe(order.length);
    }
    for (const key of order) expect(map.get(key)).toBeDefined();
  });
});
