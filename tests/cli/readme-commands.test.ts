import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../adapters/http/index.js';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { engine, testConfig } from '../http/helpers.js';

/**
 * README's commands, run as a newcomer copies them: through npm and bash, against the compiled
 * code in dist/ that the npm scripts run. Only placeholders are replaced (the batch file's name,
 * the server's address).
 */
const root = projectRoot();
const run = promisify(execFile);
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The lines of README's `sh` blocks, without their trailing comments. */
const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => (block[1] ?? '').split('\n'))
  .map((line) => line.replace(/\s+#\s.*$/, '').trim())
  .filter(Boolean);

function readmeLine(start: string): string {
  const line = shellLines.find((l) => l.startsWith(start));
  if (!line) throw new Error(`README has no shell line starting with ${start}`);
  return line;
}

const sh = (line: string, input?: string) =>
  new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = execFile('bash', ['-c', line], { cwd: root, env: { ...process.env, PORT: '', HOST: '' }, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(Object.assign(error, { stderr })) : resolve({ stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });

/** Newest modification time of the TypeScript files under a folder. */
function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => statSync(join(dir, f)).mtimeMs));
}

describe("README's commands, as written", () => {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-readme-'));
  let server: RunningHttpServer;

  beforeAll(async () => {
    // The npm scripts run dist/ (README says to rebuild after changes): build it when the sources are newer.
    const built = (() => {
      try {
        return statSync(join(root, 'dist', 'adapters', 'cli', 'ask.js')).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (built < Math.max(newest(join(root, 'src')), newest(join(root, 'adapters')))) await run('npm', ['run', '--silent', 'build'], { cwd: root });
    server = await startHttpServer({ engine: engine(), config: testConfig({ HOST: '127.0.0.1', PORT: '0' }), logger: silentLogger });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('the batch line prints only JSON lines, one per question, in order', async () => {
    const line = readmeLine('npm run --silent ask -- --jsonl');
    const file = join(work, 'questions.jsonl');
    writeFileSync(file, `${JSON.stringify({ q: '网站公开了多少条?', session: 'a' })}\n${JSON.stringify({ q: '那其他形式呢?', session: 'a' })}\n`);
    const { stdout } = await sh(line.replace('questions.jsonl', file));
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const answers = lines.map((l) => JSON.parse(l) as { outcome: string; text: string });
    expect(answers.map((a) => a.outcome)).toEqual(['answered', 'answered']);
    expect(answers[1]?.text).toContain('672');
  }, 60_000);

  it('the batch line links to the line format', () => {
    expect(readme).toContain('](../shared/eval/README.md)');
  });

  it('npm run ask answers one question with its source', async () => {
    const { stdout } = await sh(readmeLine('npm run ask -- "'));
    expect(stdout).toContain('24次');
    expect(stdout).toMatch(/来源[:：]/);
  }, 60_000);

  it('npm run chat prompts before the first question and answers it', async () => {
    const { stdout } = await sh(readmeLine('npm run chat'), '网站公开了多少条?\n/quit\n');
    // npm's own "> gongkai-qa@0.1.0 chat" lines come first; the chat's prompt follows its greeting.
    const prompt = /例如[:：][^\n]*\n+> /.exec(stdout);
    expect(prompt, stdout).not.toBeNull();
    expect(stdout.indexOf('13126')).toBeGreaterThan(prompt?.index ?? Infinity);
  }, 60_000);

  it('the curl example posts {"question": …} and gets a cited answer', async () => {
    const line = readmeLine('curl ');
    expect(line).toContain('"question"');
    const { stdout } = await sh(line.replace('http://127.0.0.1:3000', server.url));
    const answer = JSON.parse(stdout) as { outcome: string; text: string; citations: unknown[]; sessionId: string };
    expect(answer).toMatchObject({ outcome: 'answered' });
    expect(answer.text).toContain('24');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);
});
