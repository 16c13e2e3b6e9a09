import { describe, expect, it } from 'vitest';
import { withoutListedSuggestions } from '../../adapters/shared/listed-suggestions.js';
import { testEngine } from '../support/engine.js';

describe('withoutListedSuggestions', () => {
  const engine = testEngine();

  it('drops the listed suggestions of a greeting and keeps its lead-in as the heading', () => {
    const greeting = engine.ask({ text: '你好' });
    expect(greeting.suggestions.length).toBeGreaterThan(0);
    const { text, leadsIn } = withoutListedSuggestions(greeting.message, greeting.suggestions);
    for (const s of greeting.suggestions) expect(text).not.toContain(s);
    expect(text).toMatch(/例如[:：]$/);
    expect(leadsIn).toBe(true);
  });

  it('reads full-width and ASCII colons alike, and numbered lists as bullets', () => {
    expect(withoutListedSuggestions('没有找到。可以试试这些问题：\n1. 甲?\n2. 乙?', ['甲?', '乙?'])).toEqual({ text: '没有找到。可以试试这些问题：', leadsIn: true });
    expect(withoutListedSuggestions('Nothing found. You could try:\n• A?', ['A?'])).toEqual({ text: 'Nothing found. You could try:', leadsIn: true });
  });

  it('keeps list lines that are not suggestions, and a message without a lead-in leads into nothing', () => {
    expect(withoutListedSuggestions('问题有:\n• 一是人员不足', ['别的?'])).toEqual({ text: '问题有:\n• 一是人员不足', leadsIn: false });
    expect(withoutListedSuggestions('共24次。', ['别的?'])).toEqual({ text: '共24次。', leadsIn: false });
    expect(withoutListedSuggestions('例如:', [])).toEqual({ text: '例如:', leadsIn: false });
  });
});
