import { bootEngine } from '../adapters/shared/boot-engine.js';
import { loadQuestionSets, runQuestionSet } from '../tests/support/question-set.js';

/** Prints how the engine does on tests/questions, failures first; for tuning the knowledge. */
const engine = bootEngine({ clock: () => Date.UTC(2026, 0, 1) });
const results = runQuestionSet(engine, loadQuestionSets());
const byKind = new Map<string, [number, number]>();
for (const r of results) {
  const [pass, n] = byKind.get(r.item.kind) ?? [0, 0];
  byKind.set(r.item.kind, [pass + (r.failures.length ? 0 : 1), n + 1]);
}
const filter = process.argv[2];
for (const r of results.filter((r) => r.failures.length && (!filter || r.item.id.includes(filter)))) {
  console.log(`FAIL ${r.item.id} ${JSON.stringify(r.item.q.slice(0, 50))}: ${r.failures.join('; ')}`);
  console.log(`   [${r.answer.outcome}] ${r.answer.explain.rule}(${r.answer.explain.score}) vs ${r.answer.explain.runnerUp?.intent}(${r.answer.explain.runnerUp?.score}) {${r.answer.explain.concepts.join(',')}} ${r.answer.message.replace(/\n/g, ' ').slice(0, 90)}`);
}
for (const [kind, [pass, n]] of byKind) console.log(`${kind.padEnd(10)} ${pass}/${n}`);
const passed = results.filter((r) => !r.failures.length).length;
console.log(`total ${passed}/${results.length} (${((100 * passed) / results.length).toFixed(1)}%)`);
