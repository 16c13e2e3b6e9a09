import { describe, expect, it } from 'vitest';
import { orderedId } from '../../adapters/storage/ordered-id.js';

describe('orderedId', () => {
  it('is a version-7 UUID whose first 48 bits are the milliseconds', () => {
    const now = Date.UTC(2026, 11, 2, 18, 0, 0, 123);
    const id = orderedId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts by time, so the log appends to its primary key', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => orderedId(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats within one millisecond (the random bits differ)', () => {
    const ids = Array.from({ length: 5000 }, () => orderedId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
