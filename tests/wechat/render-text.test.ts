import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../adapters/wechat/render-text.js';
import { testEngine } from '../support/engine.js';

describe('renderAnswer for WeChat', () => {
  const engine = testEngine();
  const lines = (text: string) => text.split('\n');
  const headings = (text: string) => lines(text).filter((line) => /[:：]$/.test(line));
  /** The line right above the numbered list. */
  const headOfList = (text: string) => lines(text)[lines(text).findIndex((line) => line.startsWith('1. ')) - 1];

  it("heads a greeting's numbered suggestions with its own lead-in only, and lists each once", () => {
    const greeting = engine.ask({ text: '你好' });
    const text = renderAnswer(greeting);
    expect(headings(text)).toHaveLength(1);
    expect(headOfList(text)).toMatch(/例如[:：]$/);
    expect(lines(text)).toContain(`1. ${greeting.suggestions[0]}`);
    expect(text.split(greeting.suggestions[0] ?? '-')).toHaveLength(2);
  });

  it("heads an answer's suggestions with a line of ours, and an English unknown reply with the engine's", () => {
    const answer = engine.ask({ text: '开了多少次新闻发布会?' });
    expect(headings(renderAnswer(answer))).toEqual([headOfList(renderAnswer(answer))]);
    expect(headOfList(renderAnswer(answer))).toContain('您还可以问');
    const unknown = engine.ask({ text: 'asdfgh' });
    expect(unknown.outcome).toBe('unknown');
    expect(headings(renderAnswer(unknown))).toEqual([expect.stringMatching(/You could try:$/)]);
  });
});
