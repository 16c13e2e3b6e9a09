import { runQuestionSet } from '../tests/support/question-set.js';
import { engineFor, ingest, ownDevReports, readSet, seedDevReport, sharedDevReports, unseenReports } from '../tests/ingest/ingest-support.js';

/**
 * How the engine does on packs ingested from scratch: the real reports of ../shared/reports, our
 * own test reports, the seed without its curated pack, and reports written apart from the code
 * (tests/ingest/unseen-reports), each with its question set.
 *   npx tsx scripts/eval-ingested.ts [--failures]
 */
const showFailures = process.argv.includes('--failures');
const groups = [
  { name: 'real', reports: sharedDevReports() },
  { name: 'own', reports: ownDevReports() },
  { name: 'seed-scratch', reports: [seedDevReport()] },
  { name: 'unseen', reports: unseenReports() },
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
