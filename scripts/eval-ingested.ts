import { runQuestionSet } from '../tests/support/question-set.js';
import { engineFor, ingest, ownDevReports, readSet, seedDevReport, sharedDevReports } from '../tests/ingest/ingest-support.js';

/**
 * How the engine does on packs ingested from scratch: the real reports of ../shared/reports, our
 * own test reports and the seed without its curated pack, each with its question set.
 *   npx tsx scripts/eval-ingested.ts [--failures]
 */
const showFailures = process.argv.includes('--failures');
const groups = [
  { name: 'real', reports: sharedDevReports() },
  { name: 'own', reports: ownDevReports() },
  { name: 'seed-scratch', reports: [seedDevReport()] },
];
for (const { name, reports } of groups) {
  let passed = 0;
  let total = 0;
  for (const report of reports) {
    const results = runQuestionSet(engineFor(ingest(report.bytes, report.body, report.year)), readSet(report.questions));
    passed += results.filter((r) => r.failures.length === 0).length;
    total += results.length;
    if (showFailures) for (const r of results.filter((x) => x.failures.length)) console.log(`  FAIL ${report.slug} ${r.item.id} ${JSON.stringify(r.item.q.slice(0, 40))}: ${r.failures.join('; ')}`);
  }
  console.log(`${name} ${passed}/${total}`);
}
