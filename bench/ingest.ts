import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/engine/index.js';
import { ingestReport } from '../src/ingest/index.js';
import { loadDomainIngest, loadDomainLexicon, projectDomainDir } from '../src/knowledge/index.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? Number.NaN;

/**
 * Ingest speed on a report of about ten pages (the text reports of tests/ingest/reports joined
 * under one title, ~20 KB), and the engine's per-question latency over an ingested pack (rules,
 * domain lexicon and sentence answers) with that pack's own question set.
 */
export function benchIngest(root: string) {
  const dir = join(root, 'tests', 'ingest', 'reports');
  const domainDir = projectDomainDir();
  const domain = { lexicon: loadDomainLexicon(domainDir), ingest: loadDomainIngest(domainDir) };
  const parts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const long = Buffer.from(`某县2020年政府信息公开工作年度报告\n${parts.join('\n')}`);
  ingestReport(long, { body: '某县人民政府', year: 2020 }, domain);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    ingestReport(long, { body: '某县人民政府', year: 2020 }, domain);
    times.push(performance.now() - start);
  }
  const slug = 'lanchuan-xian-2020';
  const pack = ingestReport(readFileSync(join(dir, `${slug}.txt`)), { body: '岚川县人民政府', year: 2020 }, domain);
  const engine = createEngine(pack.knowledge);
  engine.warmUp();
  const qs = readFileSync(join(dir, `${slug}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q);
  for (let r = 0; r < 3; r++) for (const q of qs) engine.ask({ text: q });
  const samples: number[] = [];
  for (let r = 0; r < 40; r++) {
    for (const q of qs) {
      const start = performance.now();
      engine.ask({ text: q });
      samples.push((performance.now() - start) * 1000);
    }
  }
  return { chars: long.toString('utf8').length, ingestMs: median(times), samples: samples.length, medianUs: median(samples), p99Us: p99(samples), rules: pack.knowledge.intents.length };
}
