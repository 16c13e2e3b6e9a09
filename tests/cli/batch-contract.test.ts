import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { CLI_COMMAND, runCli } from '../support/run-cli.js';

const line = (q: string, session?: string): string => JSON.stringify(session ? { q, session } : { q });

describe('npm run ask -- --jsonl: one reply line per input line, always', () => {
  it('answers blank lines (spaces, U+3000, U+FEFF), keeps a raw CR inside its line and reads CRLF endings', async () => {
    const input = [
      line('网站公开了多少条?', 's1'),
      '',
      '   ',
      '\u3000',
      '\ufeff',
      `{"q": "简报\r发了多少期?"}`,
      `${line('那不予公开的呢?', 's1')}\r`,
      `\ufeff${line('简报发了多少期?')}`,
    ];
    const { code, stdout, stderr } = await runCli(['--jsonl'], `${input.join('\n')}\n`);
    expect(code, stderr).toBe(0);
    const replies = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(replies).toHaveLength(input.length);
    expect(replies[0]).toMatchObject({ outcome: 'answered', intent: 'proactive.website' });
    for (const blank of replies.slice(1, 5)) expect(blank).toMatchObject({ outcome: 'unknown', intent: null });
    expect(replies[5]).toHaveProperty('error');
    expect(String(replies[6]?.text)).toContain('64');
    expect(String(replies[7]?.text)).toContain('15期');
  });

  it('finds the question behind 1,200 leading spaces or zero-width characters', async () => {
    const input = [line(`${' '.repeat(1200)}简报发了多少期?`), line(`${'\u200b'.repeat(1300)}简报发了多少期?`), line(`${'\u3000\t'.repeat(700)}简报发了多少期?`)];
    const { code, stdout, stderr } = await runCli(['--jsonl'], `${input.join('\n')}\n`);
    expect(code, stderr).toBe(0);
    const replies = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(replies.map((r) => r.outcome)).toEqual(['answered', 'answered', 'answered']);
    for (const reply of replies) expect(String(reply.text)).toContain('15期');
  });

  it('ends quietly, with no EPIPE stack, when its reader closes standard output (| head -1)', async () => {
    const [command = 'node', ...rest] = CLI_COMMAND;
    const child = spawn(command, [...rest, '--jsonl'], { cwd: projectRoot(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString().split('\n')[0] ?? '';
      child.stdout.destroy();
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${Array.from({ length: 3000 }, () => line('简报发了多少期?')).join('\n')}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(first)).toMatchObject({ outcome: 'answered' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
