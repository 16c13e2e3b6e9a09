import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine.js';

/** Any text at all gets a well-formed reply: property tests over random and hostile input. */
describe('the engine on arbitrary input', () => {
  const engine = testEngine();
  const outcomes = ['answered', 'clarify', 'out_of_scope', 'unknown'];

  const wellFormed = (text: string, session?: string) => {
    const a = engine.ask({ text, session });
    expect(outcomes).toContain(a.outcome);
    expect(a.text.trim().length).toBeGreaterThan(0);
    expect(['zh-Hans', 'zh-Hant', 'en']).toContain(a.lang);
    if (a.outcome === 'answered') expect(a.citations.length).toBeGreaterThan(0);
    if (a.outcome !== 'answered') expect(a.suggestions.length).toBeGreaterThan(0);
  };

  it('replies to any Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => wellFormed(text)), { numRuns: 300 });
  });

  it('replies to mixes of report words, digits, markup and noise, within a conversation', () => {
    const piece = fc.constantFrom('网站', '公开', '多少', '条', '審批', '辦結', '呢', '那', '2012年', '第三条', '<b>', '&amp;', '🙂', '\u200b', 'How many', 'press', '?', ' ', '9', '吗', '是不是');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (pieces, session) => wellFormed(pieces.join(''), `s${session}`)),
      { numRuns: 500 },
    );
  });
});
