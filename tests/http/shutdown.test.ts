import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { openRaw, request } from './raw-socket.js';

const DEADLINE_SECONDS = 2;

/** `npm start` from the sources, on a free port, with long request timeouts so only the shutdown deadline can end a stalled client. */
function start() {
  const child = spawn('node', ['--import', 'tsx', 'adapters/start.ts'], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      PORT: '0',
      TELEGRAM_BOT_TOKEN: '',
      WECHATY_PUPPET: '',
      SHUTDOWN_TIMEOUT_SECONDS: String(DEADLINE_SECONDS),
      HTTP_HEADERS_TIMEOUT_SECONDS: '60',
      HTTP_REQUEST_TIMEOUT_SECONDS: '120',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      if (found) resolve(found);
    });
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before serving: ${stderr}`)));
  });
  return { child, url, exited, stderr: () => stderr };
}

describe('npm start on SIGTERM', () => {
  it('turns /readyz 503, refuses new connections, closes idle ones cleanly, finishes requests in progress, cuts a stalled body at the deadline, and exits 0', async () => {
    const server = start();
    const url = await server.url;
    const ask = JSON.stringify({ question: '网站公开了多少条?' });
    const headersOf = (text: string) => text.slice(0, text.indexOf('\r\n\r\n') + 4);

    const idle = await openRaw(url);
    idle.send(request('GET', '/healthz'));
    expect((await idle.response()).status).toBe(200);

    const stalled = await openRaw(url);
    const stalledAsk = request('POST', '/api/ask', ask, { Expect: '100-continue' });
    stalled.send(headersOf(stalledAsk));
    expect((await stalled.response()).status).toBe(100);

    const finishing = await openRaw(url);
    const finishingAsk = request('POST', '/api/ask', ask, { Expect: '100-continue' });
    finishing.send(headersOf(finishingAsk));
    expect((await finishing.response()).status).toBe(100);

    const probe = await openRaw(url);
    const readyz = request('GET', '/readyz');
    probe.send(readyz.slice(0, -2));

    const signalled = performance.now();
    server.child.kill('SIGTERM');

    expect(await idle.ended).toEqual({ clean: true });
    probe.send('\r\n');
    const notReady = await probe.response();
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toMatchObject({ status: 'not_ready', shuttingDown: true });
    await expect(openRaw(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    finishing.send(finishingAsk.slice(headersOf(finishingAsk).length));
    const answered = await finishing.response();
    expect(answered.status).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(JSON.parse(answered.body)).toMatchObject({ outcome: 'answered' });

    expect(await server.exited).toBe(0);
    const seconds = (performance.now() - signalled) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(DEADLINE_SECONDS - 0.5);
    expect(seconds, 'exits at the deadline, not when the stalled client gives up').toBeLessThan(DEADLINE_SECONDS + 8);
    await stalled.ended;
    expect(server.stderr()).toMatch(/"event":"http\.drain_deadline"/);
    expect(server.stderr()).not.toMatch(/"level":"error"/);
  }, 40_000);

  it('exits 0 at once when nothing is open', async () => {
    const server = start();
    const url = await server.url;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).not.toMatch(/drain_deadline/);
  }, 40_000);
});
