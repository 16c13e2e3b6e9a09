import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

/** The engine holds no fact of the Tongliao report: a second, invented report runs through it unchanged. */
describe('a second report through the same engine', () => {
  const engine = createEngine(loadKnowledge(fileURLToPath(new URL('../fixtures/mini-report/', import.meta.url))), { clock: () => Date.UTC(2026, 0, 1) });

  it('answers its facts with its own citations, in every script', () => {
    const hans = engine.ask({ text: '公开了多少条?' });
    expect(hans).toMatchObject({ outcome: 'answered', intent: 'published' });
    expect(hans.text).toContain('520条');
    expect(hans.citations[0]?.section).toBe('主动公开情况');
    expect(engine.ask({ text: '收到多少件申請?' }).text).toContain('12件');
    expect(engine.ask({ text: 'How many requests?' }).message).toBe('12 requests were received.');
  });

  it('computes its derived figures and renders its lists', () => {
    expect(engine.ask({ text: '平均每件申请对应多少条?' }).message).toContain('43.3');
    expect(engine.ask({ text: '有哪些问题' }).message).toContain('2. 网站更新较慢');
  });

  it('treats its own year as in scope and the Tongliao year as out of it', () => {
    expect(engine.ask({ text: '2020年公开了多少条' }).outcome).toBe('answered');
    expect(engine.ask({ text: '2011年公开了多少条' }).outcome).toBe('out_of_scope');
    expect(engine.ask({ text: '公开了13126条吗' }).message).toBe('不是13126条。2020年主动公开政府信息520条。');
  });
});
