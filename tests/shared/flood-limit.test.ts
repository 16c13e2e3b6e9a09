import { describe, expect, it } from 'vitest';
import { createFloodLimit } from '../../adapters/shared/flood-limit.js';

// Merged from tests/telegram/flood-limit.test.ts (keys like 'chat:1', formerly verdicts 'ok'/'notify'
// and options perMinute/maxChats) and the 'flood limit' block of tests/wechat/wechat-parts.test.ts.
describe('flood limit', () => {
  it('allows perWindow questions, notices once, then drops until the window frees up', () => {
    let now = 0;
    const flood = createFloodLimit({ perWindow: 3, clock: () => now });
    expect([1, 2, 3, 4, 5].map(() => flood.take('chat:1'))).toEqual(['allow', 'allow', 'allow', 'notice', 'drop']);
    expect(flood.take('chat:2')).toBe('allow');
    now = 59_999;
    expect(flood.take('chat:1')).toBe('drop');
    now = 60_000;
    expect(flood.take('chat:1')).toBe('allow');
    expect(flood.take('chat:1')).toBe('allow');
    expect(flood.take('chat:1')).toBe('allow');
    expect(flood.take('chat:1')).toBe('notice');
  });

  it('allows the limit, notices once, then drops until the window frees a slot', () => {
    let now = 0;
    const flood = createFloodLimit({ perWindow: 2, clock: () => now });
    expect(['a', 'a', 'a', 'a', 'b'].map((c) => flood.take(c))).toEqual(['allow', 'allow', 'notice', 'drop', 'allow']);
    now = 60_000;
    expect([flood.take('a'), flood.take('a'), flood.take('a')]).toEqual(['allow', 'allow', 'notice']);
  });

  it('slides: old questions leave the window one by one', () => {
    let now = 0;
    const flood = createFloodLimit({ perWindow: 2, clock: () => now });
    flood.take('c');
    now = 30_000;
    flood.take('c');
    expect(flood.take('c')).toBe('notice');
    now = 60_000;
    expect(flood.take('c')).toBe('allow');
    expect(flood.take('c')).toBe('notice');
  });

  it('stays bounded in the number of keys it remembers', () => {
    const flood = createFloodLimit({ perWindow: 1, clock: () => 0, maxKeys: 2 });
    flood.take('a');
    flood.take('b');
    flood.take('c');
    // 'a' was forgotten, so it starts afresh
    expect(flood.take('a')).toBe('allow');
  });

  it('honours a window other than a minute', () => {
    let now = 0;
    const flood = createFloodLimit({ perWindow: 1, windowMs: 1_000, clock: () => now });
    expect([flood.take('a'), flood.take('a'), flood.take('a')]).toEqual(['allow', 'notice', 'drop']);
    now = 999;
    expect(flood.take('a')).toBe('drop');
    now = 1_000;
    expect(flood.take('a')).toBe('allow');
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const perWindow of [0, -1, 2.5, Number.NaN]) expect(() => createFloodLimit({ perWindow })).toThrow(RangeError);
  });
});
