import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { CLI_COMMAND } from '../support/run-cli.js';

const evalDir = join(projectRoot(), '..', 'shared', 'eval');

/** The evaluation's own scorer over its sample set, through the batch CLI: every item must pass. */
describe.runIf(existsSync(join(evalDir, 'score.mjs')))('the shared sample set', () => {
  it('scores 100% with ../shared/eval/score.mjs', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('node', [join(evalDir, 'score.mjs'), '--set', join(evalDir, 'sample.jsonl'), '--project', projectRoot(), '--cmd', `${CLI_COMMAND.join(' ')} --jsonl`], { cwd: projectRoot() });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    const [, passed, total] = /score: .* all (\d+)\/(\d+)/.exec(output) ?? [];
    expect(total, output).toBeDefined();
    expect(passed, output).toBe(total);
    expect(output).toMatch(/citations faithful (\d+)\/\1/);
  });
});
