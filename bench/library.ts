import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templatePacks, writeBenchLibrary } from './library-packs.js';

/** One library size's figures, as the child process measured them. */
export interface LibraryRun {
  packs: number;
  loadMs: number;
  rssMb: number;
  medianUs?: number;
  p99Us?: number;
  /** The same questions asked of their packs' engines alone (without the body's name), in the same order. */
  aloneMedianUs?: number;
  aloneP99Us?: number;
  /** CPU time per question (user + system, over all rounds): less swayed by a busy machine than wall time. */
  cpuUsPerQuestion?: number;
  aloneCpuUsPerQuestion?: number;
  firstUseMedianUs?: number;
  routeMedianUs?: number;
  questions?: number;
  rssAfterQuestionsMb?: number;
}

/**
 * Loads libraries of 1, 100 and 1,000 packs (copies of the packs we have, renamed to a hundred
 * bodies over ten years), each in a fresh process, for the time and memory to load; then asks
 * questions of the thousand-pack library (each naming its body and year, so it is routed first,
 * then matched inside one pack) for the per-question latency, and the same questions of the same
 * packs' engines alone, so what the library adds to a pack's own cost shows apart.
 */
export function benchLibrary(root: string, sizes = [1, 100, 1000]): LibraryRun[] {
  const templates = templatePacks(root);
  const runs: LibraryRun[] = [];
  const child = join(root, 'dist', 'bench', 'library-child.js');
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `gongkai-bench-library-${size}-`));
    try {
      const packs = writeBenchLibrary(dir, templates, size);
      const args = ['--max-semi-space-size=2', '--expose-gc', child, dir];
      if (size === Math.max(...sizes)) {
        const asked = packs.filter((_, i) => i % Math.max(1, Math.floor(packs.length / 50)) === 0);
        const topics = ['主动公开了多少条政府信息?', '收到多少件政府信息公开申请?', '开了几次新闻发布会?', '存在哪些问题?'];
        const questions = asked.flatMap((p, i) => [`${p.body}${p.year}年${topics[i % topics.length] ?? ''}`]);
        const file = join(dir, 'questions.json');
        writeFileSync(file, JSON.stringify(questions));
        args.push(file);
      }
      const out = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (out.status !== 0) throw new Error(`library bench of ${size} packs failed: ${out.stderr}`);
      runs.push(JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as LibraryRun);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}
