import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../adapters/library/open-library.js';
import { readPack } from '../adapters/library/read-packs.js';
import type { Engine } from '../src/engine/index.js';
import { loadDomainLexicon, projectDomainDir } from '../src/knowledge/index.js';
import { createCatalogue, routeQuestion } from '../src/library/index.js';
import { alignBlanks } from '../src/library/route.js';
import { normalizeText } from '../src/text/normalize.js';
import { simplify } from '../src/text/script.js';

/**
 * One measurement in a fresh process (so memory is this library's alone): load the folder given,
 * print time and RSS as JSON; with a questions file, the per-question latency too, next to the same
 * questions asked of their packs' engines alone, so the library's own share is the difference.
 */
const [dir, questionsFile] = process.argv.slice(2);
if (!dir) throw new Error('usage: library-child <library dir> [questions.json]');
const ROUNDS = 20;
const rss = () => process.memoryUsage().rss / 2 ** 20;
const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
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
  // The first question to a pack builds its engine: measured apart. Each must be answered from
  // the one pack it names (no "which report?"), or the figures below are not of routed questions.
  const firsts: number[] = [];
  const answeredFrom: string[] = [];
  for (const q of questions) {
    const t = performance.now();
    const answer = library.ask({ text: q });
    firsts.push((performance.now() - t) * 1000);
    if (answer.report === null || answer.report.includes(',')) throw new Error(`"${q}" was not answered from one pack: ${answer.outcome} ${answer.message}`);
    answeredFrom.push(answer.report);
  }
  for (let r = 0; r < 3; r++) for (const q of questions) library.ask({ text: q });
  const rssAfterQuestionsMb = rss();

  // The same questions as each pack alone is asked them: by its own engine (built apart, from the
  // same folder), without the body's name, which the library takes out before it hands them on.
  const catalogue = createCatalogue(library.reports());
  const domain = loadDomainLexicon(projectDomainDir());
  const engines = new Map<string, Engine>();
  const alone = questions.map((q, i) => {
    const id = answeredFrom[i] as string;
    const engine = engines.get(id) ?? readPack(id, join(dir, id), domain).engine();
    engines.set(id, engine);
    const original = normalizeText(q);
    const form = simplify(original).toLowerCase();
    return { engine, text: alignBlanks(original, form, routeQuestion(form, catalogue).unnamed).replace(/\s+/g, ' ').trim() };
  });
  for (let r = 0; r < 4; r++) for (const { engine, text } of alone) engine.respond(text);

  // Rounds alternate (library, then the engines alone) so a busy machine weighs on both alike.
  const samples: number[] = [];
  const aloneSamples: number[] = [];
  let libraryCpu = 0;
  let aloneCpu = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let cpu = cpuUs();
    for (const q of questions) {
      const t = performance.now();
      library.ask({ text: q });
      samples.push((performance.now() - t) * 1000);
    }
    libraryCpu += cpuUs() - cpu;
    cpu = cpuUs();
    for (const { engine, text } of alone) {
      const t = performance.now();
      engine.respond(text);
      aloneSamples.push((performance.now() - t) * 1000);
    }
    aloneCpu += cpuUs() - cpu;
  }

  // Routing alone (names and years read, against the whole catalogue): the library's own share.
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
  for (const xs of [routes, samples, aloneSamples, firsts]) xs.sort((a, b) => a - b);
  const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;
  const asked = ROUNDS * questions.length;
  Object.assign(result, {
    questions: questions.length,
    medianUs: at(samples, 0.5),
    p99Us: at(samples, 0.99),
    aloneMedianUs: at(aloneSamples, 0.5),
    aloneP99Us: at(aloneSamples, 0.99),
    cpuUsPerQuestion: libraryCpu / asked,
    aloneCpuUsPerQuestion: aloneCpu / asked,
    firstUseMedianUs: at(firsts, 0.5),
    routeMedianUs: at(routes, 0.5),
    rssAfterQuestionsMb,
  });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
