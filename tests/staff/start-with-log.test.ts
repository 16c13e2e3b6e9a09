import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { openStorage } from '../../adapters/storage/index.js';

const TOKEN = 'start-test-staff-token-4c2d9e1f';
const dir = mkdtempSync(join(tmpdir(), 'gongkai-start-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start with the question log and STAFF_TOKEN', () => {
  it('migrates the SQLite file at start, logs questions, serves /staff behind the token, writes the rest on SIGTERM', async () => {
    const file = join(dir, 'log.sqlite');
    const child = spawn('node', ['--import', 'tsx', 'adapters/start.ts'], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: '0', TELEGRAM_BOT_TOKEN: '', WECHATY_PUPPET: '', DATABASE_URL: '', QUESTION_LOG: 'on', SQLITE_FILE: file, STAFF_TOKEN: TOKEN, LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed; stderr: ${err}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });

    const reply = (await (await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '残疾人补贴怎么领?' }) })).json()) as { questionId?: string };
    expect(reply.questionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${url}/staff`)).status).toBe(401);
    expect((await fetch(`${url}/staff/api/overview`, { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const overview = await fetch(`${url}/staff/api/overview`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(overview.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('"event":"question_log.migrated"');
    expect(err).not.toContain(TOKEN);

    const storage = openStorage({ SQLITE_FILE: file }, dir, silentLogger);
    const rows = await storage.questions({ since: 0, filter: 'unanswered', limit: 10 });
    await storage.close();
    expect(rows.map((r) => [r.id, r.text, r.channel])).toEqual([[reply.questionId, '残疾人补贴怎么领?', 'web']]);
  });
});
