import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start` from the sources until it serves (or gives up), then stops it; resolves with the packages it imported. */
function packagesImported(name: string, env: Record<string, string>): Promise<string[]> {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, '');
  const child = spawn('node', ['--import', 'tsx', '--import', './tests/support/record-imports.mjs', 'adapters/start.ts'], {
    cwd: projectRoot(),
    env: { ...process.env, PORT: '0', TELEGRAM_BOT_TOKEN: '', WECHATY_PUPPET: '', RECORD_IMPORTS_FILE: file, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/open http:/.test(out)) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(readFileSync(file, 'utf8').split('\n').filter(Boolean)));
  });
}

const channelLibraries = (packages: string[]) => packages.filter((p) => /^(telegraf|wechaty)(\/|$)/.test(p));

describe('npm start imports a channel library only when the channel is configured', () => {
  it('loads neither telegraf nor wechaty with no channel set', async () => {
    const packages = await packagesImported('none', {});
    expect(packages, 'the recorder saw the HTTP stack').toContain('hono');
    expect(channelLibraries(packages)).toEqual([]);
    // The OpenAPI generator is loaded by /openapi.json's first request, not at start.
    expect(packages.filter((p) => /^@(hono\/zod-openapi|asteasolutions\/)/.test(p))).toEqual([]);
  }, 30_000);

  it('loads telegraf once TELEGRAM_BOT_TOKEN is set, and still not wechaty', async () => {
    // The Bot API root is a closed port: Telegram fails to start, after its library was loaded.
    const packages = await packagesImported('telegram', { TELEGRAM_BOT_TOKEN: '123456:TEST-token-abcdefghijklmnopqrstuv', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    expect(channelLibraries(packages)).toContain('telegraf');
    expect(channelLibraries(packages).some((p) => p.startsWith('wechaty'))).toBe(false);
  }, 30_000);
});
