import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { FakeBotApi, apiError } from '../telegram/fake-bot-api.js';
import { BOT, TOKEN } from '../telegram/fixtures.js';

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('npm start with Telegram configured', () => {
  it('reports Telegram stopped on /readyz (503) after a 409 Conflict, while /healthz stays 200', async () => {
    api = await FakeBotApi.start({
      token: TOKEN,
      me: BOT,
      respond: (call) => (call.method === 'getUpdates' ? apiError(409, 'Conflict: terminated by other getUpdates request') : undefined),
    });
    const child = spawn('node', ['--import', 'tsx', 'adapters/start.ts'], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: '0', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_URL: '', WECHATY_PUPPET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
        if (found) resolve(found);
      });
    });
    try {
      await vi.waitFor(
        async () => {
          const res = await fetch(`${url}/readyz`);
          expect(res.status).toBe(503);
          expect(await res.json()).toMatchObject({ status: 'not_ready', shuttingDown: false, channels: { telegram: { state: 'stopped' } } });
        },
        { timeout: 10_000, interval: 100 },
      );
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 30_000);
});
