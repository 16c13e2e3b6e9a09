import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../adapters/config/index.js';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createLogger } from '../../adapters/shared/logger.js';
import { createServiceStatus, isReady } from '../../adapters/shared/service-status.js';
import { startWechat } from '../../adapters/wechat/index.js';
import { AdapterError } from '../../src/errors.js';
import { within, type LogEntry } from './fixture.js';
import { createStubEngine } from './stub-engine.js';

/** The memory card (WECHATY_NAME) goes to a temporary folder, never the working directory. */
const dir = mkdtempSync(join(tmpdir(), 'gongkai-wechat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(env: Record<string, string>) {
  const logs: LogEntry[] = [];
  let warmedUp = 0;
  const engine = { ...createStubEngine({}), warmUp: () => void warmedUp++ };
  const options = { engine, config: readConfig({ WECHATY_NAME: join(dir, 'bot'), ...env }), logger: createLogger({ write: (line) => logs.push(JSON.parse(line) as LogEntry) }) };
  return { options, logs, warmedUp: () => warmedUp };
}

describe('startWechat', () => {
  it('refuses to start without a puppet, saying which variable to set', async () => {
    const { options } = setup({});
    const error = await startWechat(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'ADAPTER_FAILED', adapter: 'wechat', message: expect.stringContaining('WECHATY_PUPPET is not set') });
  });

  it('refuses a token or URL in WECHATY_PUPPET without repeating it', async () => {
    for (const value of ['puppet_padlocal_0123456789abcdef', 'https://example.com/puppet']) {
      const error = await startWechat(setup({ WECHATY_PUPPET: value }).options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdapterError);
      expect((error as Error).message).toMatch(/WECHATY_PUPPET (looks like a token|is not an npm package name)/);
      expect((error as Error).message).not.toContain(value);
    }
  });

  it('names the package to install when the puppet cannot be loaded', async () => {
    const { options } = setup({ WECHATY_PUPPET: 'wechaty-puppet-not-installed-anywhere' });
    const error = await within(startWechat(options).catch((e: unknown) => e), 'start to fail');
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as Error).message).toContain('npm install wechaty-puppet-not-installed-anywhere');
  });

  it('starts on a puppet named in the config, warms the engine up, and stops (twice) without error', async () => {
    const { options, logs, warmedUp } = setup({ WECHATY_PUPPET: 'wechaty-puppet-mock' });
    const running = await within(startWechat(options), 'the bot to start');
    expect(warmedUp()).toBe(1);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'wechat.started', puppet: 'wechaty-puppet-mock' }));
    await within(running.stop(), 'the bot to stop');
    await within(running.stop(), 'a second stop');
    expect(logs.filter((l) => l.event === 'wechat.stopped')).toHaveLength(1);
    expect(logs.some((l) => l.event === 'wechat.logout')).toBe(false);
  });

  it('reports its state for /readyz: waiting for login, running once logged in, stopped on logout and on stop', async () => {
    const { options } = setup({});
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const self = mocker.createContact({ id: 'bot-self', name: '通辽政务助手' });
    const status = createServiceStatus();
    const running = await within(startWechat({ ...options, puppet, status }), 'the bot to start');
    expect(status.channels()).toEqual({ wechat: { state: 'starting', reason: 'waiting_for_login' } });

    mocker.login(self);
    await vi.waitFor(() => expect(status.channels()).toEqual({ wechat: { state: 'running' } }));
    expect(isReady({ channels: status.channels(), shuttingDown: false })).toBe(true);

    await within(puppet.logout('logged out on the phone'), 'the logout');
    await vi.waitFor(() => expect(status.channels()).toEqual({ wechat: { state: 'stopped', reason: 'logged_out' } }));
    expect(isReady({ channels: status.channels(), shuttingDown: false })).toBe(false);

    await within(running.stop(), 'the bot to stop');
    expect(status.channels().wechat).toEqual({ state: 'stopped', reason: 'shutdown' });
  });
});
