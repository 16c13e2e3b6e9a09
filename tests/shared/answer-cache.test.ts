import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withAnswerCache } from '../../adapters/shared/answer-cache.js';
import { bootLibrary, defaultKnowledgeDir } from '../../adapters/shared/boot-engine.js';
import type { Library } from '../../src/library/index.js';
import { MemorySessionStore } from '../../src/session/session-store.js';
import { writeTangcun } from '../library/library-support.js';

const questionsDir = new URL('../questions/', import.meta.url).pathname;
const questions = readdirSync(questionsDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(questionsDir, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { q: string }).q);

/** A library over the bundled pack whose `respond` calls are counted, so a test sees what reached it. */
function counted(clock: () => number) {
  const sessions = new MemorySessionStore({ maxEntries: 1000 });
  const inner = bootLibrary({ clock }).library;
  let calls = 0;
  const library: Library = {
    ...inner,
    get knowledge() {
      return inner.knowledge;
    },
    respond(text, context, report) {
      calls++;
      return inner.respond(text, context, report);
    },
  };
  return { library, sessions, calls: () => calls };
}

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the answer cache', () => {
  it('serves every curated question, asked again, exactly what the engine answers', () => {
    const plain = bootLibrary().library;
    const cached = bootLibrary({ answerCacheSize: 10_000 }).library;
    for (const q of questions) expect(cached.ask({ text: q })).toEqual(plain.ask({ text: q }));
    for (const q of questions) expect(cached.ask({ text: q })).toEqual(plain.ask({ text: q }));
  });

  it('answers a repeated context-free question from memory, once per text, report and year', () => {
    let now = Date.UTC(2026, 5, 1);
    const { library, sessions, calls } = counted(() => now);
    const cache = withAnswerCache(library, { maxEntries: 10, sessions, clock: () => now });
    const first = cache.ask({ text: '网站公开了多少条?' });
    expect(cache.ask({ text: '网站公开了多少条?' })).toBe(first);
    expect(calls()).toBe(1);
    cache.ask({ text: '网站公开了多少条？' });
    expect(calls()).toBe(2);
    cache.ask({ text: '网站公开了多少条?', report: 'tongliao-2011' });
    expect(calls()).toBe(3);
    now = Date.UTC(2027, 0, 1);
    cache.ask({ text: '网站公开了多少条?' });
    expect(calls()).toBe(4);
  });

  it('never serves a follow-up from memory: a question with a context goes to the library', () => {
    const plain = bootLibrary().library;
    const cached = bootLibrary({ answerCacheSize: 100 }).library;
    // The follow-up asked first with no context is cached; asked after a topic, it must not be.
    const alone = cached.ask({ text: '具体呢?' });
    expect(alone).toEqual(plain.ask({ text: '具体呢?' }));
    for (const library of [plain, cached]) library.ask({ text: '网站公开了多少条?', session: 's1' });
    const followUp = cached.ask({ text: '具体呢?', session: 's1' });
    expect(followUp).toEqual(plain.ask({ text: '具体呢?', session: 's1' }));
    expect(followUp.text).not.toBe(alone.text);
  });

  it('leaves the conversation a hit would have left, stamped with the time of the hit', () => {
    let now = Date.UTC(2026, 5, 1, 8);
    const { library, sessions } = counted(() => now);
    const cache = withAnswerCache(library, { maxEntries: 10, sessions, clock: () => now });
    cache.ask({ text: '网站公开了多少条?', session: 'a' });
    now += 60_000;
    const turn = cache.respond('网站公开了多少条?');
    expect(turn.context?.at).toBe(now);
    cache.ask({ text: '网站公开了多少条?', session: 'b' });
    expect(sessions.get('b', now)).toEqual({ ...sessions.get('a', now), at: now });
  });

  it('forgets the least recently asked question beyond its size', () => {
    const now = Date.UTC(2026, 5, 1);
    const { library, sessions, calls } = counted(() => now);
    const cache = withAnswerCache(library, { maxEntries: 2, sessions, clock: () => now });
    for (const q of ['网站公开了多少条?', '开了多少次新闻发布会?', '网站公开了多少条?', '受理了多少件依申请公开?']) cache.ask({ text: q });
    expect(calls()).toBe(3);
    cache.ask({ text: '开了多少次新闻发布会?' });
    expect(calls()).toBe(4);
  });

  it('is emptied by a hot reload, so answers come from the packs served now', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-answer-cache-'));
    folders.push(root);
    cpSync(defaultKnowledgeDir(), join(root, 'tongliao-2011'), { recursive: true });
    const opened = bootLibrary({ knowledgeDir: root, answerCacheSize: 100 });
    const before = opened.library.ask({ text: '网站公开了多少条?' });
    writeTangcun(join(root, 'tangcun-2011'), 2011);
    expect(opened.reload().added).toEqual(['tangcun-2011']);
    const after = opened.library.ask({ text: '网站公开了多少条?' });
    expect(after).toEqual(bootLibrary({ knowledgeDir: root }).library.ask({ text: '网站公开了多少条?' }));
    expect(after.text).not.toBe(before.text);
  });

  it('hands out answers no caller can change for the next', () => {
    const cached = bootLibrary({ answerCacheSize: 10 }).library;
    const answer = cached.ask({ text: '网站公开了多少条?' });
    expect(() => answer.citations.push({ sectionId: 'x', section: 'x', quote: 'x' })).toThrow(TypeError);
    expect(cached.ask({ text: '网站公开了多少条?' })).toEqual(bootLibrary().library.ask({ text: '网站公开了多少条?' }));
  });
});
