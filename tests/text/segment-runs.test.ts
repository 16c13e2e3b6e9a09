import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentWords } from '../../src/text/segment.js';

/**
 * extractConcepts segments each run of unexplained characters on its own and takes a lone ideograph
 * as its own word, instead of segmenting the whole masked text. That is the same only while ICU's
 * word breaking keeps these two properties, which a Node upgrade could change: checked here.
 */
const root = join(import.meta.dirname, '..', '..');
const questions = ['tests/questions', 'tests/holdout', 'tests/unseen'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(root, dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => String((JSON.parse(l) as { q: unknown }).q))
    .filter((q) => /\p{Script=Han}/u.test(q)),
);
const HAN = /\p{Script=Han}/u;
const byRuns = (text: string) => text.split(/ +/).filter(Boolean).flatMap((run) => [...segmentWords(run)]);

describe('segmenting runs of unexplained characters', () => {
  it('cuts a masked question into the words the whole masked text gives, for any mask', () => {
    const question = fc.constantFrom(...questions);
    fc.assert(
      fc.property(question, fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), (q, mask) => {
        const masked = [...q].map((ch, i) => (mask[i] || !HAN.test(ch) ? ' ' : ch)).join('');
        expect(byRuns(masked)).toEqual([...segmentWords(masked)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts a run of unified ideographs wholly into words, so a telling character always lies in one', () => {
    const runs = questions.flatMap((q) => q.split(/[^\u4e00-\u9fff\u3400-\u4dbf]+/).filter(Boolean));
    expect(runs.length).toBeGreaterThan(1000);
    expect(runs.filter((run) => segmentWords(run).join('') !== run)).toEqual([]);
  });

  it('gives every unified ideograph standing alone as a word of its own', () => {
    const lone: string[] = [];
    for (let code = 0x3400; code <= 0x9fff; code++) {
      if (code > 0x4dbf && code < 0x4e00) continue;
      const ch = String.fromCharCode(code);
      const words = segmentWords(ch);
      if (words.length !== 1 || words[0] !== ch) lone.push(code.toString(16));
    }
    expect(lone).toEqual([]);
  });
});
