import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { conversationKey, createUpdateQueue } from '../../adapters/telegram/update-queue.js';
import { callbackUpdate, inlineUpdate, textUpdate } from './fixtures.js';

/** A handler whose every call waits until the test releases it, so interleavings are explicit. */
function gatedHandler() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const handle = (update: Update) =>
    new Promise<void>((resolve) => {
      const text = (update as { message: { text: string } }).message.text;
      started.push(text);
      gates.set(text, resolve);
    });
  const release = (text: string) => gates.get(text)?.();
  return { handle, started, release };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the update queue', () => {
  it('keeps one chat in order, runs other chats alongside, and never more than `concurrency` at once', async () => {
    const { handle, started, release } = gatedHandler();
    const queue = createUpdateQueue(handle, { concurrency: 2, maxPending: 10 });
    const done = ['a1', 'a2', 'b1', 'c1'].map((text) => queue.push(textUpdate(text, { userId: text.startsWith('a') ? 1 : text.startsWith('b') ? 2 : 3 })));
    await tick();
    expect(started).toEqual(['a1', 'b1']);
    release('b1');
    await tick();
    expect(started).toEqual(['a1', 'b1', 'c1']);
    release('a1');
    await tick();
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2']);
    release('c1');
    release('a2');
    await Promise.all(done);
    expect(queue.pending).toBe(0);
  });

  it('makes the poller wait for room, and tells when it is idle', async () => {
    const { handle, release } = gatedHandler();
    const queue = createUpdateQueue(handle, { concurrency: 4, maxPending: 2 });
    void queue.push(textUpdate('x1', { userId: 1 }));
    void queue.push(textUpdate('y1', { userId: 2 }));
    let roomy = false;
    void queue.room().then(() => (roomy = true));
    let idle = false;
    void queue.idle().then(() => (idle = true));
    await tick();
    expect([roomy, idle]).toEqual([false, false]);
    release('x1');
    await tick();
    expect([roomy, idle]).toEqual([true, false]);
    release('y1');
    await tick();
    expect(idle).toBe(true);
  });

  it('goes on with a chat after one of its updates failed', async () => {
    const seen: string[] = [];
    const queue = createUpdateQueue(
      async (u) => {
        const text = (u as { message: { text: string } }).message.text;
        seen.push(text);
        if (text === 'bad') throw new Error('handler failed');
      },
      { concurrency: 1, maxPending: 10 },
    );
    await expect(queue.push(textUpdate('bad', { userId: 1 }))).rejects.toThrow('handler failed');
    await queue.push(textUpdate('good', { userId: 1 }));
    expect(seen).toEqual(['bad', 'good']);
  });

  it('keys updates by chat, or by user for inline queries', () => {
    expect(conversationKey(textUpdate('x', { group: true, chatId: -100, userId: 5 }))).toBe('chat:-100');
    expect(conversationKey(callbackUpdate('ask:1', { userId: 6 }))).toBe('chat:6');
    expect(conversationKey(inlineUpdate('x', { userId: 7 }))).toBe('user:7');
  });
});
