import { describe, expect, it } from 'vitest';
import { createFloodLimit } from '../../adapters/telegram/flood-limit.js';

describe('per-chat flood limit', () => {
  it('allows perMinute questions, notifies once, then drops until the window frees up', () => {
    let now = 0;
    const flood = createFloodLimit({ perMinute: 3, clock: () => now });
    expect([1, 2, 3, 4, 5].map(() => flood.take('chat:1'))).toEqual(['ok', 'ok', 'ok', 'notify', 'drop']);
    expect(flood.take('chat:2')).toBe('ok');
    now = 59_999;
    expect(flood.take('chat:1')).toBe('drop');
    now = 60_000;
    expect(flood.take('chat:1')).toBe('ok');
    expect(flood.take('chat:1')).toBe('ok');
    expect(flood.take('chat:1')).toBe('ok');
    expect(flood.take('chat:1')).toBe('notify');
  });

  it('slides: old questions leave the window one by one', () => {
    let now = 0;
    const flood = createFloodLimit({ perMinute: 2, clock: () => now });
    flood.take('c');
    now = 30_000;
    flood.take('c');
    expect(flood.take('c')).toBe('notify');
    now = 60_000;
    expect(flood.take('c')).toBe('ok');
    expect(flood.take('c')).toBe('notify');
  });

  it('stays bounded in the number of chats it remembers', () => {
    const flood = createFloodLimit({ perMinute: 1, clock: () => 0, maxChats: 2 });
    flood.take('a');
    flood.take('b');
    flood.take('c');
    // 'a' was forgotten, so it starts afresh
    expect(flood.take('a')).toBe('ok');
  });
});
