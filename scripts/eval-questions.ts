import { readFileSync } from 'node:fs';
import { bootEngine } from '../adapters/shared/boot-engine.js';
import { loadQuestionSets, runQuestionSet, type QuestionItem } from '../tests/support/question-set.js';

/**
 * Prints how the engine does on a question set, failures first; for tuning the knowledge.
 *   npx tsx scripts/eval-questions.ts [file.jsonl] [id-filter] [--pack <knowledge dir>]
 * Without a file it runs every set in tests/questions.
 */
const args = process.argv.slice(2);
const packAt = args.indexOf('--pack');
const pack = packAt >= 0 ? args.splice(packAt, 2)[1] : undefined;
const [file, filter] = args;
const items: QuestionItem[] = file?.endsWith('.jsonl')
  ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as QuestionItem)
  : loadQuestionSets();
const engine = bootEngine({ knowledgeDir: pack, clock: () => Date.UTC(2026, 0, 1) });
const results = runQuestionSet(engine, items);
const byKind = new Map<string, [number, number]>();
for (const r of results) {
  const [pass, n] = byKind.get(r.item.kind) ?? [0, 0];
  byKind.set(r.item.kind, [pass + (r.failures.length ? 0 : 1), n + 1]);
}
for (const r of results.filter((r) => r.failures.length && (!filter || r.item.id.includes(filter)))) {
  const { rule, score, runnerUp, concepts } = r.answer.explain;
  console.log(`FAIL ${r.item.id} ${JSON.stringify(r.item.q.slice(0, 50))}: ${r.failures.join('; ')}`);
  console.log(`   [${r.answer.outcome}] ${rule}(${score}) vs ${runnerUp?.intent}(${runnerUp?.score}) {${concepts.join(',')}} ${r.answer.message.replace(/\n/g, ' ').slice(0, 90)}`);
}
for (const [kind, [pass, n]] of byKind) console.log(`${kind.padEnd(10)} ${pass}/${n}`);
const passed = results.filter((r) => !r.failures.length).length;
console.log(`total ${passed}/${results.length} (${((100 * passed) / results.length).toFixed(1)}%)`);
