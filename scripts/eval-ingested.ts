import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runQuestionSet } from '../tests/support/question-set.js';
import { OWN_REPORTS, SHARED_REPORTS, engineFor, here, ingest, readSet, sharedReport } from '../tests/ingest/ingest-support.js';

/**
 * How the engine does on packs ingested from scratch: the real reports of ../shared/reports, our
 * own test reports and the seed without its curated pack, each with its question set.
 *   npx tsx scripts/eval-ingested.ts [--failures]
 */
const showFailures = process.argv.includes('--failures');
type Meta = Record<string, { body: string; year: number }>;
const questions = join(here('.'), 'questions');
const groups: { name: string; runs: { slug: string; bytes: Buffer; body: string; year: number; set: string }[] }[] = [
  {
    name: 'real',
    runs: Object.entries(JSON.parse(readFileSync(join(SHARED_REPORTS, 'manifest.json'), 'utf8')) as Meta).map(([slug, m]) => ({ slug, bytes: sharedReport(slug), ...m, set: join(questions, `${slug}.jsonl`) })),
  },
  {
    name: 'own',
    runs: readdirSync(OWN_REPORTS)
      .filter((f) => /\.(txt|html)$/.test(f))
      .map((file) => {
        const slug = file.replace(/\.(txt|html)$/, '');
        const m = (JSON.parse(readFileSync(join(OWN_REPORTS, 'manifest.json'), 'utf8')) as Meta)[slug] ?? { body: slug, year: 0 };
        return { slug, bytes: readFileSync(join(OWN_REPORTS, file)), ...m, set: join(OWN_REPORTS, `${slug}.jsonl`) };
      }),
  },
  { name: 'seed-scratch', runs: [{ slug: 'seed', bytes: readFileSync(here('../../../shared/seed/000_8af516ff008966a0.txt')), body: '通辽市', year: 2011, set: join(questions, 'seed-scratch.jsonl') }] },
];
for (const group of groups) {
  let passed = 0;
  let total = 0;
  for (const run of group.runs) {
    const results = runQuestionSet(engineFor(ingest(run.bytes, run.body, run.year)), readSet(run.set));
    const ok = results.filter((r) => r.failures.length === 0).length;
    passed += ok;
    total += results.length;
    if (showFailures) for (const r of results.filter((x) => x.failures.length)) console.log(`  FAIL ${run.slug} ${r.item.id} ${JSON.stringify(r.item.q.slice(0, 40))}: ${r.failures.join('; ')}`);
  }
  console.log(`${group.name} ${passed}/${total}`);
}
