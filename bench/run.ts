import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootEngine, projectRoot } from '../adapters/shared/boot-engine.js';

/**
 * `npm run bench`: per-question latency in-process (median and p99 over a mixed set of a few
 * thousand questions), the CLI's time to first answer, and peak RSS. A benchmark, not a test:
 * it prints figures and asserts nothing.
 */
const root = projectRoot();
const questionsDir = join(root, 'tests', 'questions');
const questions = readdirSync(questionsDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(questionsDir, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { q: string }).q);

const ROUNDS = 8;
const engine = bootEngine();
engine.warmUp();
for (const q of questions) engine.ask({ text: q });

const samples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  questions.forEach((q, i) => {
    const start = performance.now();
    engine.ask({ text: q, session: `bench-${i % 50}` });
    samples.push((performance.now() - start) * 1000);
  });
}
samples.sort((a, b) => a - b);
const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))] ?? Number.NaN;

function firstAnswerMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist', 'adapters', 'cli', 'ask.js'), '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.once('data', () => {
      resolve(performance.now() - start);
      child.stdin.end();
    });
    child.on('error', reject);
    child.stdin.write(`${JSON.stringify({ q: '网站公开了多少条?' })}\n`);
  });
}

const firsts: number[] = [];
for (let i = 0; i < 5; i++) firsts.push(await firstAnswerMs());
firsts.sort((a, b) => a - b);

const fmt = (n: number) => n.toFixed(1);
console.log(`questions: ${samples.length} (${questions.length} distinct × ${ROUNDS} rounds, 50 sessions)`);
console.log(`per question: median ${fmt(at(0.5))} µs, p99 ${fmt(at(0.99))} µs, max ${fmt(samples[samples.length - 1] ?? Number.NaN)} µs`);
console.log(`CLI first answer (--jsonl, 5 runs): median ${fmt(firsts[2] ?? Number.NaN)} ms, min ${fmt(firsts[0] ?? Number.NaN)} ms`);
console.log(`peak RSS (this process): ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
