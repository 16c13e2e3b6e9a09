import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../adapters/library/open-library.js';
import { createCatalogue, routeQuestion } from '../src/library/index.js';
import { simplify } from '../src/text/script.js';

/**
 * One measurement in a fresh process (so memory is this library's alone): load the folder given,
 * print time and RSS as JSON; with questions on stdin's file, the per-question latency too.
 */
const [dir, questionsFile] = process.argv.slice(2);
if (!dir) throw new Error('usage: library-child <library dir> [questions.json]');
const rss = () => process.memoryUsage().rss / 2 ** 20;
const before = rss();
const start = performance.now();
const { library } = openLibrary({ dir });
const loadMs = performance.now() - start;
globalThis.gc?.();
const loadedRss = rss();
const result: Record<string, number> = { packs: library.reports().length, loadMs, rssMb: loadedRss, rssBeforeMb: before };
if (questionsFile) {
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as string[];
  library.warmUp();
  // The first question to a pack builds its engine: measured apart.
  const firsts: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    library.ask({ text: q });
    firsts.push((performance.now() - t) * 1000);
  }
  for (let r = 0; r < 3; r++) for (const q of questions) library.ask({ text: q });
  const samples: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const q of questions) {
      const t = performance.now();
      library.ask({ text: q });
      samples.push((performance.now() - t) * 1000);
    }
  }
  // Routing alone (names and years read, against the whole catalogue): the library's own share.
  const catalogue = createCatalogue(library.reports());
  const forms = questions.map((q) => simplify(q).toLowerCase());
  for (let r = 0; r < 50; r++) for (const f of forms) routeQuestion(f, catalogue);
  const routes: number[] = [];
  for (let r = 0; r < 50; r++) {
    for (const f of forms) {
      const t = performance.now();
      routeQuestion(f, catalogue);
      routes.push((performance.now() - t) * 1000);
    }
  }
  routes.sort((a, b) => a - b);
  samples.sort((a, b) => a - b);
  firsts.sort((a, b) => a - b);
  const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;
  Object.assign(result, { questions: questions.length, medianUs: at(samples, 0.5), p99Us: at(samples, 0.99), firstUseMedianUs: at(firsts, 0.5), routeMedianUs: at(routes, 0.5), rssAfterQuestionsMb: rss() });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
