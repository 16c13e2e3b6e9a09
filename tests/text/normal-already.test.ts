import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalAlready, normalizeOnce } from '../../src/text/normalize.js';

const questions = () => {
  const root = join(import.meta.dirname, '..', '..');
  return ['tests/questions', 'tests/holdout', 'tests/unseen'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(root, dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => String((JSON.parse(l) as { q: unknown }).q)),
  );
};

describe('normalAlready', () => {
  it('takes every character it lets through to itself under NFKC', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (code !== 0x20 && normalAlready(`a${ch}b`)) expect(ch.normalize('NFKC'), code.toString(16)).toBe(ch);
    }
  });

  it('is true only of text normalizeOnce returns as it is, over every question and their normal forms', () => {
    let told = 0;
    for (const q of questions()) {
      for (const text of [q, normalizeOnce(q)]) {
        if (!normalAlready(text)) continue;
        told++;
        expect(normalizeOnce(text)).toBe(text);
      }
    }
    expect(told).toBeGreaterThan(1000);
  });

  it('holds on random text of spaces, ASCII, Han, Chinese digits and the characters it refuses', () => {
    const pool = fc.constantFrom(...' abc<>/!?2011年〇零一二三四五六七八九开会、。？，\u3000\u00a0\t\u200b\u00ad\u007fｈ…'.split(''));
    fc.assert(
      fc.property(fc.array(pool, { maxLength: 20 }), fc.string({ maxLength: 4 }), (chars, tail) => {
        const text = chars.join('') + tail;
        if (normalAlready(text)) expect(normalizeOnce(text)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses leading, trailing and double spaces, tags, over-long text and years in Chinese digits', () => {
    expect(normalAlready('开了几次 新闻发布会?')).toBe(true);
    for (const text of [' 开会', '开会 ', '开  会', '<b>开会', 'x'.repeat(301), '二〇一一年', '二零一一年开会', '', '开会？']) expect(normalAlready(text), text).toBe(false);
  });
});
