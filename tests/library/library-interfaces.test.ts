import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/index.js';
import { openLibrary } from '../../adapters/library/open-library.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import type { Library } from '../../src/library/index.js';
import { runCli } from '../support/run-cli.js';
import { buildLibrary } from './library-support.js';

let root: string;
let library: Library;

beforeAll(() => {
  root = buildLibrary({ shared: false });
  library = openLibrary({ dir: root }).library;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = { CORS_ORIGINS: [], HTTP_RATE_LIMIT_PER_MINUTE: 1000, HTTP_EXPLAIN: false };

describe('a library through the batch contract', () => {
  it('takes an optional "report" per line, routes the others by the question, and refuses a non-string report', async () => {
    const input = [
      { q: '开了几次新闻发布会?', report: 'tangcun-2010' },
      { q: '唐村镇2011年开了几次新闻发布会?', session: 'b1' },
      { q: '2010年呢?', session: 'b1' },
      { q: '唐村镇2011年比2010年多公开了多少条?' },
      { q: '开了几次新闻发布会?', report: 7 },
    ];
    const { code, stdout, stderr } = await runCli(['--jsonl'], `${input.map((l) => JSON.stringify(l)).join('\n')}\n`, { KNOWLEDGE_DIR: root });
    expect(code, stderr).toBe(0);
    const replies = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { outcome?: string; text?: string; citations?: unknown[]; error?: string });
    expect(replies).toHaveLength(input.length);
    expect(replies[0]).toMatchObject({ outcome: 'answered' });
    expect(replies[0]?.text).toContain('3次');
    expect(replies[1]?.text).toContain('5次');
    expect(replies[2]?.text).toContain('3次');
    expect(replies[3]?.text).toContain('56');
    expect(replies[3]?.citations).toHaveLength(2);
    expect(replies[4]?.error).toMatch(/report/);
  });

  it('stops start-up naming DEFAULT_REPORT when it names no pack', async () => {
    const { code, stderr } = await runCli(['x'], '', { KNOWLEDGE_DIR: root, DEFAULT_REPORT: 'nowhere-1999' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/CONFIG_INVALID: DEFAULT_REPORT: "nowhere-1999" is no pack/);
  });
});

describe('a library over HTTP', () => {
  const app = () => createHttpApp({ engine: library, config, logger: silentLogger });
  const ask = async (body: Record<string, unknown>) => {
    const res = await app().request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('lists the reports on GET /api/reports and the live ones on /readyz', async () => {
    const res = await app().request('/api/reports');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { default: string | null; reports: { id: string; body: string; year: number }[] };
    expect(body.default).toBeNull();
    expect(body.reports.map((r) => r.id)).toEqual(['tangcun-2011', 'tangcun-2010', 'tongliao-2011']);
    expect(body.reports[0]).toMatchObject({ body: '青石县唐村镇人民政府', year: 2011 });
    const ready = (await (await app().request('/readyz')).json()) as { reports: string[] };
    expect(ready.reports).toEqual(['tangcun-2011', 'tangcun-2010', 'tongliao-2011']);
  });

  it('answers from the report POST /api/ask names, says which, and refuses an unknown id with 400', async () => {
    const chosen = await ask({ question: '开了几次新闻发布会?', report: 'tangcun-2010' });
    expect(chosen).toMatchObject({ status: 200, body: { outcome: 'answered', report: 'tangcun-2010' } });
    expect(String(chosen.body.text)).toContain('3次');
    const unknown = await ask({ question: '开了几次新闻发布会?', report: 'nowhere-1999' });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
  });

  it('keeps the pack of a conversation across requests', async () => {
    const first = await ask({ question: '唐村镇2010年收到几件申请?' });
    expect(first.body).toMatchObject({ report: 'tangcun-2010' });
    const next = await ask({ question: '开了几次新闻发布会?', sessionId: first.body.sessionId });
    expect(next.body).toMatchObject({ outcome: 'answered', report: 'tangcun-2010' });
  });
});
