import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { createQuestionLog, openStorage } from '../../adapters/storage/index.js';
import { testEngine } from '../support/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-staff-cli-'));
const file = join(dir, 'log.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function staff(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'adapters/staff/cli.ts', ...args], {
      cwd: projectRoot(),
      env: { ...process.env, SQLITE_FILE: file, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  const engine = testEngine();
  const now = Date.now();
  let clock = now - 10 * 86_400_000;
  const log = createQuestionLog({ storage: openStorage({ SQLITE_FILE: file }, dir, silentLogger), report: 'r', retentionDays: 90, logger: silentLogger, clock: () => clock, flushEveryMs: 0, purgeEveryMs: 0 });
  log.record({ channel: 'web', conversation: 'a', text: '公交车几点收车?', answer: engine.ask({ text: '公交车几点收车?' }) });
  clock = now - 3_600_000;
  for (const text of ['残疾人补贴怎么领?', '殘疾人補貼怎麼領', '网站公开了多少条?']) log.record({ channel: 'telegram', conversation: 'b', text, answer: engine.ask({ text }) });
  await log.close();
});

describe('npm run staff -- unanswered', () => {
  it('prints the unanswered list grouped by wording, for the last N days', async () => {
    const week = await staff(['unanswered', '--days', '7']);
    expect(week.stderr).toBe('');
    expect(week.code).toBe(0);
    expect(week.stdout).toContain('1 组 groups, 2 次 questions');
    expect(week.stdout).toMatch(/ {3}2×  (残疾人补贴怎么领\?|殘疾人補貼怎麼領)/);
    expect(week.stdout).not.toContain('公交车');
    expect(week.stdout).not.toContain('网站公开');
    const month = await staff(['unanswered']);
    expect(month.stdout).toContain('公交车几点收车?');
  });

  it('explains its usage when called wrongly', async () => {
    const wrong = await staff(['answered']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('usage: npm run staff -- unanswered [--days N]');
    expect((await staff(['unanswered', '--days', 'x'])).code).toBe(2);
  });
});
