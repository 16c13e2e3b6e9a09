import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../src/session/session-store.js';
import type { SessionContext } from '../../src/types.js';

const context = (intent: string, at = 0): SessionContext => ({ intent, concepts: [], lang: 'zh-Hans', at });

describe('MemorySessionStore', () => {
  it('drops the least recently used conversation beyond its bound', () => {
    const store = new MemorySessionStore({ maxEntries: 2 });
    store.set('a', context('x'));
    store.set('b', context('y'));
    store.get('a', 0);
    store.set('c', context('z'));
    expect(store.size).toBe(2);
    expect(store.get('b', 0)).toBeUndefined();
    expect(store.get('a', 0)?.intent).toBe('x');
  });
  it('forgets a conversation idle longer than its limit', () => {
    const store = new MemorySessionStore({ idleMs: 1000 });
    store.set('a', context('x', 0));
    expect(store.get('a', 999)?.intent).toBe('x');
    expect(store.get('a', 2000)).toBeUndefined();
    expect(store.size).toBe(0);
  });
  it('stays bounded under a million distinct users', () => {
    const store = new MemorySessionStore({ maxEntries: 1000 });
    for (let i = 0; i < 1_000_000; i++) store.set(`user-${i}`, context('x'));
    expect(store.size).toBe(1000);
  });
});
