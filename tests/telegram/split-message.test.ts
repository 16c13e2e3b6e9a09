import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../adapters/telegram/escape-html.js';
import { splitMessage, splitSentences, TELEGRAM_TEXT_LIMIT } from '../../adapters/telegram/split-message.js';
import { visibleText } from './fixtures.js';

describe('splitSentences', () => {
  it('keeps text that fits whole', () => {
    expect(splitSentences('开了24次新闻发布会。', 100)).toEqual(['开了24次新闻发布会。']);
  });

  it('cuts at Chinese and English sentence ends, not inside a sentence', () => {
    const text = '第一句话在这里。第二句话也在这里。Third sentence here. Fourth one, 3.5 percent.';
    const pieces = splitSentences(text, 25);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('第一句话在这里。第二句话也在这里。');
    expect(pieces).toContain('Third sentence here. ');
    // 3.5 is a number, not a sentence end
    expect(pieces.some((p) => p.endsWith('3.'))).toBe(false);
  });

  it('falls back to clause boundaries, then characters, for a sentence longer than the limit', () => {
    const text = `${'很长的分句,'.repeat(10)}结尾。`;
    const pieces = splitSentences(text, 12);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 12)).toBe(true);
    expect(pieces[0]?.endsWith(',')).toBe(true);
  });

  it('cuts a long Chinese sentence at its full-width commas, semicolons and colons too', () => {
    const text = `${'很长的分句，'.repeat(4)}另一段；${'再来一段：'.repeat(3)}结尾。`;
    const pieces = splitSentences(text, 12);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 12)).toBe(true);
    expect(pieces.every((p) => /[，；：。]$/.test(p))).toBe(true);
  });

  it('measures escaped length, so & and < count as the entities they become', () => {
    const pieces = splitSentences('&&&&&&', 10);
    expect(pieces.every((p) => escapeHtml(p).length <= 10)).toBe(true);
    expect(pieces.join('')).toBe('&&&&&&');
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(50);
    const pieces = splitSentences(text, 7);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p).toMatch(/^(😀)+$/u);
  });

  it('property: pieces rebuild the text and each fits once escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 5, max: 200 }), (text, max) => {
        const pieces = splitSentences(text, max);
        expect(pieces.join('')).toBe(text);
        for (const p of pieces) expect(escapeHtml(p).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitMessage', () => {
  it('puts short blocks in one message, tags intact', () => {
    const html = splitMessage([{ text: 'a<b' }, { text: '标题', open: '<b>', close: '</b>', before: '\n\n' }]);
    expect(html).toEqual(['a&lt;b\n\n<b>标题</b>']);
  });

  it('splits a reply over 4096 into messages that each fit, every piece keeping its tag', () => {
    const sentence = '这是报告里很长的一句话,用来测试拆分。';
    const long = sentence.repeat(400);
    const messages = splitMessage([{ text: long }, { text: '来源' }, { text: sentence.repeat(300), open: '<blockquote expandable>', close: '</blockquote>', before: '\n' }]);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect((m.match(/<blockquote expandable>/g) ?? []).length).toBe((m.match(/<\/blockquote>/g) ?? []).length);
    }
    // every message but the last ends at a sentence end
    for (const m of messages.slice(0, -1)) expect(visibleText(m).trimEnd()).toMatch(/[。]$|来源$/);
    expect(messages.map(visibleText).join('').replace(/\s/g, '')).toBe((long + '来源' + sentence.repeat(300)).replace(/\s/g, ''));
  });

  it('property: any text renders to messages within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), fc.integer({ min: 45, max: 500 }), (message, quote, limit) => {
        const messages = splitMessage([{ text: message }, { text: quote, open: '<blockquote expandable>', close: '</blockquote>', before: '\n' }], limit);
        for (const m of messages) expect(m.length).toBeLessThanOrEqual(limit);
        // All the text arrives, in order; only the separator between blocks is added.
        const noNewlines = (s: string) => s.replace(/\n/g, '');
        expect(noNewlines(messages.map(visibleText).join(''))).toBe(noNewlines([message, quote].filter((t) => t.trim()).join('')));
      }),
      { numRuns: 200 },
    );
  });
});
