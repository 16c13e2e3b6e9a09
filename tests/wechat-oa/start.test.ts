import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { callbackEnv, newOpenId } from './fixture.js';
import { StandInWechat, TEST_AES_KEY, TEST_APP_ID, TEST_CORP_ID, TEST_TOKEN } from './stand-in-wechat.js';

function launch(env: Record<string, string>) {
  return spawn('node', ['--import', 'tsx', 'adapters/start.ts'], { cwd: projectRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The URL `npm start` prints once it serves, or a rejection with what it printed. */
function servingUrl(child: ReturnType<typeof launch>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not print its address; got: ${out}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
}

describe('npm start with the callbacks configured', () => {
  it('serves the Official Account and WeCom callbacks on 127.0.0.1, and logs no OpenID or key', async () => {
    const child = launch({ ...callbackEnv('safe'), HOST: '127.0.0.1', PORT: '0', TELEGRAM_BOT_TOKEN: '', WECHATY_PUPPET: '', LOG_LEVEL: 'info' });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await servingUrl(child);
      const send = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);
      const oa = new StandInWechat({ platform: 'oa', mode: 'safe', token: TEST_TOKEN, path: '/wechat/oa', receiverId: TEST_APP_ID, aesKey: TEST_AES_KEY, send });
      const wecom = new StandInWechat({ platform: 'wecom', mode: 'safe', token: 'WeComToken42', path: '/wecom', receiverId: TEST_CORP_ID, aesKey: TEST_AES_KEY, send });

      const check = await oa.verify('5930219477');
      expect(await check.text()).toBe('5930219477');
      const user = newOpenId();
      const answer = await oa.text(user, '网站公开了多少条?');
      expect(answer.sealed).toBe(true);
      expect(answer.content).toContain('13126条');
      expect((await wecom.text('LiSi', '简报发了多少期?')).content).toContain('政务公开简报15期');
      expect((await oa.post({}, { rawBody: '<xml><oops' })).status).toBe(400);

      expect(log).toContain('"wechat-oa.mounted"');
      expect(log).toContain('"wechat-oa.replied"');
      for (const secret of [user, TEST_AES_KEY, 'WeComToken42']) expect(log).not.toContain(secret);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a half-configured WeCom callback at start, naming the missing variable', async () => {
    const child = launch({ PORT: '0', WECOM_TOKEN: 'WeComToken42', WECOM_AES_KEY: TEST_AES_KEY, WECOM_CORP_ID: '' });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/CONFIG_INVALID: WECOM_CORP_ID/);
  });
});
