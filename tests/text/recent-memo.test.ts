import { describe, expect, it } from 'vitest';
import { recentMemo } from '../../src/text/recent-memo.js';

describe('recentMemo', () => {
  it('computes a text once while it is among the last few, and again once it has dropped out', () => {
    const calls: string[] = [];
    const upper = recentMemo((t) => {
      calls.push(t);
      return t.toUpperCase();
    }, 2);
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    // 'a' was used last, so 'c' pushes out 'b'.
    upper('c');
    upper('a');
    upper('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps undefined results too', () => {
    let calls = 0;
    const nothing = recentMemo(() => {
      calls++;
      return undefined;
    }, 4);
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });
});
