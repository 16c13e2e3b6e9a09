import { describe, expect, it } from 'vitest';
import { answerBatchLine } from '../../adapters/cli/batch-line.js';
import { testEngine } from '../support/engine.js';
import { runCli } from '../support/run-cli.js';

describe('the batch contract, line by line', () => {
  const engine = testEngine();
  it('answers with exactly the contract fields', () => {
    const reply = answerBatchLine(engine, JSON.stringify({ q: '网站公开了多少条?' }));
    expect(Object.keys(reply)).toEqual(['outcome', 'text', 'lang', 'intent', 'confidence', 'citations', 'suggestions']);
    expect(reply).toMatchObject({ outcome: 'answered', lang: 'zh-Hans', intent: 'proactive.website' });
  });
  it('answers a malformed line or a non-string q with an error and nothing else', () => {
    expect(answerBatchLine(engine, '{not json')).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(answerBatchLine(engine, '{"q": 42}')).toEqual({ error: 'field "q" must be a string' });
    expect(answerBatchLine(engine, '[1,2]')).toEqual({ error: 'field "q" must be a string' });
  });
});

describe('npm run ask', () => {
  it('speaks the batch contract on stdin/stdout: one line per input line, in order, errors inline, follow-ups by session', async () => {
    const input = [
      JSON.stringify({ q: '网站公开了多少条?', session: 't1' }),
      '{broken',
      JSON.stringify({ q: null }),
      JSON.stringify({ q: '那不予公开的呢?', session: 't1' }),
      JSON.stringify({ q: '' }),
    ].join('\n');
    const { code, stdout, stderr } = await runCli(['--jsonl'], `${input}\n`);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ outcome: 'answered' });
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toHaveProperty('error');
    expect(String(lines[3]?.text)).toContain('64');
    expect(lines[4]).toMatchObject({ outcome: 'unknown' });
  });

  it('prints one cited reply for a question given as arguments', async () => {
    const { code, stdout } = await runCli(['简报发了多少期?']);
    expect(code).toBe(0);
    expect(stdout).toContain('15期');
    expect(stdout).toContain('来源：概述 › 夯实载体');
  });

  it('stops with the variable name and what is expected when configuration is bad', async () => {
    const { code, stderr } = await runCli(['x'], '', { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/CONFIG_INVALID: PORT: .*0 to 65535/);
  });

  it('stops with the file and the problem when the knowledge cannot be read', async () => {
    const { code, stdout, stderr } = await runCli(['x'], '', { KNOWLEDGE_DIR: '/nonexistent/pack' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('KNOWLEDGE_UNREADABLE');
    expect(stderr).toContain('/nonexistent/pack/report.json');
  });
});
