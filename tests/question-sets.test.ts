import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadQuestionSets, runQuestionSet, type QuestionItem } from './support/question-set.js';
import { testEngine } from './support/engine.js';

/** Pass rates the engine must keep. Question sets are data in tests/questions and tests/holdout. */
const OWN_SET_THRESHOLD = 0.95;
const HOLDOUT_THRESHOLD = 0.9;

function report(name: string, items: QuestionItem[], threshold: number) {
  const results = runQuestionSet(testEngine(), items);
  const failures = results.filter((r) => r.failures.length > 0);
  const rate = 1 - failures.length / results.length;
  const detail = failures.map((r) => `${r.item.id} ${JSON.stringify(r.item.q)}: ${r.failures.join('; ')} → ${r.answer.message.slice(0, 60)}`);
  expect(rate, `${name}: ${failures.length}/${results.length} failed\n${detail.join('\n')}`).toBeGreaterThanOrEqual(threshold);
}

describe('question sets', () => {
  const own = loadQuestionSets();

  it('has at least 200 questions across the three scripts, follow-ups, out-of-scope, clarify and bad input', () => {
    expect(own.length).toBeGreaterThanOrEqual(200);
    const count = (f: (i: QuestionItem) => boolean) => own.filter(f).length;
    expect(count((i) => i.script === 'hans')).toBeGreaterThan(50);
    expect(count((i) => i.script === 'hant')).toBeGreaterThan(30);
    expect(count((i) => i.script === 'en')).toBeGreaterThan(20);
    for (const kind of ['followup', 'oos', 'ambiguous', 'bad', 'list', 'derived']) expect(count((i) => i.kind === kind), kind).toBeGreaterThan(5);
  });

  it(`passes at least ${OWN_SET_THRESHOLD * 100}% of tests/questions`, () => report('tests/questions', own, OWN_SET_THRESHOLD));

  const holdoutDir = fileURLToPath(new URL('./holdout/', import.meta.url));
  for (const file of readdirSync(holdoutDir).filter((f) => f.endsWith('.jsonl'))) {
    it(`passes at least ${HOLDOUT_THRESHOLD * 100}% of holdout/${file}`, () => {
      const items = readFileSync(`${holdoutDir}${file}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as QuestionItem);
      report(file, items, HOLDOUT_THRESHOLD);
    });
  }
});
