import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { runCli } from '../support/run-cli.js';
import { sharedReport } from './ingest-support.js';

const work = mkdtempSync(join(tmpdir(), 'gongkai-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ingestCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'adapters/cli/ingest.ts', ...args], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run ingest', () => {
  it('writes a pack and its review that `ask --jsonl` serves with KNOWLEDGE_DIR', async () => {
    const file = join(work, 'tianzhen.txt');
    writeFileSync(file, sharedReport('tianzhen-xinfangju-2021'));
    const out = join(work, 'tianzhen');
    const run = await ingestCli([file, '--out', out, '--body', '天镇县信访局', '--year', '2021']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^ok: 天镇县信访局 2021: \d+ sections/);
    for (const name of ['report.json', 'facts.json', 'lexicon.json', 'intents.json', 'review.md']) expect(existsSync(join(out, name)), name).toBe(true);
    expect(readFileSync(join(out, 'review.md'), 'utf8')).toContain('## Figures');
    const asked = await runCli(['--jsonl'], `${JSON.stringify({ q: '行政许可作出了多少决定?' })}\n`, { KNOWLEDGE_DIR: out });
    const reply = JSON.parse(asked.stdout.trim()) as { outcome: string; text: string; citations: { section: string }[] };
    expect(reply.outcome).toBe('answered');
    expect(reply.text).toContain('行政许可');
    expect(reply.citations[0]?.section).toContain('主动公开');
  });

  it('exits 2 with a one-line reason and writes no pack for input that is not a report', async () => {
    const file = join(work, 'empty.txt');
    writeFileSync(file, '');
    const out = join(work, 'empty');
    const run = await ingestCli([file, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('empty');
    expect(existsSync(out)).toBe(false);
    const missing = await ingestCli([join(work, 'nope.txt'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const usage = await ingestCli([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage');
  });
});
