import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootEngine, projectRoot } from '../adapters/shared/boot-engine.js';
import { MAX_QUESTION_CHARS } from '../adapters/http/schemas.js';
import { benchHttp, startFlags, type LoadFigures } from './http.js';
import { benchIngest } from './ingest.js';
import { benchLibrary } from './library.js';

/**
 * `npm run bench`: per-question latency in-process (median and p99 over a mixed set of a few
 * thousand questions), the CLI's time to first answer, and the CLI's peak RSS while it answers the
 * whole set; then `npm start` over HTTP on 127.0.0.1 (autocannon): requests per second and latency
 * at 50 and 1,000 connections, RSS idle and under load, with the answer cache on (as served) and
 * off (every question to the engine); and libraries of 1, 100 and 1,000 packs (load
 * time, memory, per-question latency). A benchmark, not a test: it prints figures
 * and asserts nothing.
 */
const root = projectRoot();
const cli = join(root, 'dist', 'adapters', 'cli', 'ask.js');
const questionsDir = join(root, 'tests', 'questions');
const questions = readdirSync(questionsDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(questionsDir, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { q: string }).q);

/** The Node flags `npm start`, `npm run ask` and `npm run chat` use (see package.json). */
const NODE_FLAGS = ['--max-semi-space-size=2'];
const ROUNDS = 8;
const fmt = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(1));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

function inProcess() {
  const engine = bootEngine();
  engine.warmUp();
  for (let round = 0; round < 3; round++) for (const q of questions) engine.ask({ text: q });
  const samples: number[] = [];
  const totals = questions.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    questions.forEach((q, i) => {
      const start = performance.now();
      engine.ask({ text: q, session: `bench-${i % 50}` });
      const us = (performance.now() - start) * 1000;
      samples.push(us);
      totals[i] = (totals[i] ?? 0) + us;
    });
  }
  // Each question's mean over its rounds: its own cost, without the odd GC or VM pause of one
  // sample. Taken in rotation, never by repeating one question, which the engine's memo of the
  // last few texts would serve at once.
  const means = totals.map((t) => t / ROUNDS);
  return { samples: samples.sort((a, b) => a - b), means: means.sort((a, b) => a - b) };
}

function firstAnswerMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, cli, '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.once('data', () => {
      resolve(performance.now() - start);
      child.stdin.end();
    });
    child.on('error', reject);
    child.stdin.write(`${JSON.stringify({ q: '网站公开了多少条?' })}\n`);
  });
}

/** Peak RSS (VmHWM) of the CLI after it has answered every question; Linux only. */
function cliPeakRssMb(): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, cli, '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
      if (lines < questions.length) return;
      let peak: number | undefined;
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        peak = kb ? Number(kb) / 1024 : undefined;
      } catch {
        peak = undefined;
      }
      child.stdin.end();
      resolve(peak);
    });
    child.on('error', reject);
    child.stdin.write(questions.map((q, i) => JSON.stringify({ q, session: `s${i % 20}` })).join('\n') + '\n');
  });
}

const { samples, means } = inProcess();
const firsts: number[] = [];
for (let i = 0; i < 5; i++) firsts.push(await firstAnswerMs());
firsts.sort((a, b) => a - b);
const rss = await cliPeakRssMb();

console.log(`questions: ${samples.length} samples (${questions.length} distinct × ${ROUNDS} rounds, 50 sessions)`);
console.log(`per question: median ${fmt(percentile(samples, 0.5))} µs, p99 ${fmt(percentile(samples, 0.99))} µs, max ${fmt(samples.at(-1))} µs`);
console.log(`per question, mean of its ${ROUNDS} rounds: median ${fmt(percentile(means, 0.5))} µs, p99 ${fmt(percentile(means, 0.99))} µs, slowest ${fmt(means.at(-1))} µs`);
console.log(`CLI first answer (--jsonl, 5 runs): median ${fmt(firsts[2])} ms, min ${fmt(firsts[0])} ms`);
console.log(`CLI peak RSS answering all ${questions.length} questions: ${fmt(rss)} MB`);

const ingest = benchIngest(root);
console.log(`ingest of a ${ingest.chars}-character report (about ten pages): median ${fmt(ingest.ingestMs)} ms (goal < 1000)`);
console.log(`per question on an ingested pack (${ingest.rules} rules, ${ingest.samples} samples): median ${fmt(ingest.medianUs)} µs (goal < 100), p99 ${fmt(ingest.p99Us)} µs`);

for (const run of benchLibrary(root)) {
  console.log(`library of ${run.packs} pack(s): loaded in ${fmt(run.loadMs)} ms, RSS ${fmt(run.rssMb)} MB${run.packs >= 1000 ? ' (goal < 5000 ms, < 500 MB)' : ''}`);
  if (run.medianUs !== undefined) {
    console.log(
      `per question with ${run.packs} packs (${run.questions} questions naming body and year, 20 rounds): median ${fmt(run.medianUs)} µs (goal < 100), p99 ${fmt(run.p99Us)} µs; ` +
        `routing alone median ${fmt(run.routeMedianUs)} µs; a pack's first question (builds its engine) median ${fmt((run.firstUseMedianUs ?? 0) / 1000)} ms; RSS after ${fmt(run.rssAfterQuestionsMb)} MB`,
    );
    console.log(
      `  the same questions of each pack's engine alone (body name taken out, as the library hands them on): median ${fmt(run.aloneMedianUs)} µs, p99 ${fmt(run.aloneP99Us)} µs; ` +
        `CPU per question: library ${fmt(run.cpuUsPerQuestion)} µs, engines alone ${fmt(run.aloneCpuUsPerQuestion)} µs, the library's own ${fmt((run.cpuUsPerQuestion ?? 0) - (run.aloneCpuUsPerQuestion ?? 0))} µs`,
    );
  }
}

// Questions the API accepts (the sets also hold empty and over-long ones, answered 400).
const httpQuestions = [...new Set(questions)].filter((q) => q.trim().length > 0 && q.length <= MAX_QUESTION_CHARS).slice(0, 200);
const printLoad = (run: LoadFigures, label: string) => {
  const goal = run.connections === 50 ? ' (goal ≥ 5000 req/s, p99 < 10 ms)' : '';
  console.log(
    `HTTP POST /api/ask${label}, ${run.connections} connections, ${run.seconds} s: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms${goal}; ` +
      `server CPU ${fmt(run.serverCpuUsPerRequest)} µs/request; 200: ${run.ok}, 503 shed: ${run.shed}, other: ${run.otherStatus}, socket errors: ${run.errors}`,
  );
};
// As operators run it: the answer cache on (its default), so the bench's 200 questions, asked over
// and over, are answered from it after their first time.
const http = await benchHttp({
  script: join(root, 'dist', 'adapters', 'start.js'),
  flags: startFlags(root),
  questions: httpQuestions,
  runs: [
    { connections: 50, seconds: 10 },
    { connections: 1000, seconds: 5 },
  ],
  warmUpSeconds: 2,
});
console.log(`HTTP npm start (${startFlags(root).join(' ')}): idle RSS ${fmt(http.idleRssMb)} MB (goal < 70)`);
for (const run of http.load) printLoad(run, ' (answer cache on: repeated questions)');
console.log(`HTTP peak RSS under load: ${fmt(http.peakRssMb)} MB (goal < 150); exit code on SIGTERM: ${http.exitCode}`);
// The engine's path: the same questions with the cache off, each one worked out by the engine.
const engineHttp = await benchHttp({
  script: join(root, 'dist', 'adapters', 'start.js'),
  flags: startFlags(root),
  questions: httpQuestions,
  runs: [{ connections: 50, seconds: 10 }],
  warmUpSeconds: 2,
  env: { ANSWER_CACHE_SIZE: '0' },
});
for (const run of engineHttp.load) printLoad(run, ' (ANSWER_CACHE_SIZE=0: every question to the engine)');
console.log(`HTTP peak RSS under load, cache off: ${fmt(engineHttp.peakRssMb)} MB; exit code on SIGTERM: ${engineHttp.exitCode}`);
