import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';

function launch(script: string, env: Record<string, string> = {}) {
  return spawn('node', ['--import', 'tsx', script], { cwd: projectRoot(), env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Resolves with everything printed once `pattern` appears on stdout, or rejects after `ms`. */
function waitFor(child: ReturnType<typeof launch>, pattern: RegExp, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got: ${out}`)), ms);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
}

describe('npm run chat', () => {
  it('shows a prompt before the first question, and again after each answer', async () => {
    const child = launch('adapters/cli/chat.ts');
    const greeting = await waitFor(child, /\n> $/);
    expect(greeting).toContain('/quit');
    child.stdin.write('开了多少次新闻发布会?\n');
    const after = await waitFor(child, /24次[\s\S]*\n> $/);
    expect(after).toMatch(/^2011年/); // the answer, not a repeated greeting
    child.kill();
  });

  it('holds a conversation on standard input, follow-ups included', async () => {
    const child = launch('adapters/cli/chat.ts');
    child.stdin.write('网站公开了多少条?\n那其他形式呢?\n/why\n/quit\n');
    const out = await waitFor(child, /rule=proactive\.other-forms/);
    expect(out).toContain('13126条');
    expect(out).toContain('672条');
    child.kill();
  });

  it('takes "2" after a question back as the second option, and keeps a traditional conversation traditional', async () => {
    const child = launch('adapters/cli/chat.ts');
    child.stdin.write('一共多少\n2\n網站公開了多少條?\n那其他形式呢?\n/quit\n');
    const out = await waitFor(child, /其他形式公開信息672條/);
    expect(out).toContain('哪一个');
    expect(out).toContain('9个旗县市区');
    child.kill();
  });
});

describe('npm start', () => {
  it('serves the web chat with no tokens set, prints its address, and stops cleanly on SIGTERM', async () => {
    const child = launch('adapters/start.ts', { PORT: '0', TELEGRAM_BOT_TOKEN: '', WECHATY_PUPPET: '' });
    const out = await waitFor(child, /open (http:\/\/127\.0\.0\.1:\d+)\//);
    const url = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(await page.text()).toContain('<html');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad setting, naming the variable', async () => {
    const child = launch('adapters/start.ts', { PORT: '99999' });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/CONFIG_INVALID: PORT/);
  });
});
