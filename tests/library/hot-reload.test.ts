import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../adapters/library/open-library.js';
import { watchLibrary } from '../../adapters/library/watch-library.js';
import type { Logger } from '../../adapters/shared/logger.js';
import { ingest } from '../ingest/ingest-support.js';
import { buildLibrary, FIXTURE_REPORTS, TANGCUN_BODY, writePack, writeTangcun } from './library-support.js';

/** A logger that keeps its lines, to check what a reload reports. */
function recordingLogger() {
  const lines: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level, event, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

const PRESS = '唐村镇2011年开了几次新闻发布会?';
const PROACTIVE = '唐村镇2011年主动公开了多少条政府信息?';

let root: string;
let opened: OpenedLibrary;

beforeEach(() => {
  // Our pair without 2011, plus the seed pack: two bodies.
  root = buildLibrary({ shared: false });
  rmSync(join(root, 'tangcun-2011'), { recursive: true });
  opened = openLibrary({ dir: root });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('hot reload of a library', () => {
  it('takes in a new pack on reload, and drops a removed one', () => {
    expect(opened.library.ask({ text: PRESS }).outcome).toBe('out_of_scope');
    writeTangcun(join(root, 'tangcun-2011'), 2011);
    const report = opened.reload();
    expect(report).toMatchObject({ added: ['tangcun-2011'], changed: [], removed: [], refused: [] });
    expect(report.live).toEqual(['tangcun-2010', 'tangcun-2011', 'tongliao-2011']);
    expect(opened.library.ask({ text: PRESS })).toMatchObject({ outcome: 'answered', report: 'tangcun-2011' });

    rmSync(join(root, 'tangcun-2011'), { recursive: true });
    expect(opened.reload()).toMatchObject({ removed: ['tangcun-2011'] });
    expect(opened.library.reports().map((p) => p.id)).not.toContain('tangcun-2011');
  });

  it('serves a changed figure after reload', () => {
    writeTangcun(join(root, 'tangcun-2011'), 2011);
    opened.reload();
    expect(opened.library.ask({ text: PROACTIVE }).text).toContain('236');
    const text = readFileSync(join(FIXTURE_REPORTS, 'tangcun-2011.txt'), 'utf8').replace('236条', '241条');
    writePack(join(root, 'tangcun-2011'), ingest(Buffer.from(text), TANGCUN_BODY, 2011));
    expect(opened.reload()).toMatchObject({ changed: ['tangcun-2011'], refused: [] });
    const answer = opened.library.ask({ text: PROACTIVE });
    expect(answer.text).toContain('241');
    expect(answer.text).not.toContain('236');
  });

  it('refuses a corrupt file with the file and the path inside it, and the old pack keeps answering', () => {
    const facts = join(root, 'tangcun-2010', 'facts.json');
    const json = JSON.parse(readFileSync(facts, 'utf8')) as { facts: { value: unknown }[] };
    const first = json.facts[0];
    if (!first) throw new Error('the fixture pack has facts');
    first.value = 'many';
    writeFileSync(facts, JSON.stringify(json));
    const report = opened.reload();
    expect(report.changed).toEqual([]);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toMatchObject({ id: 'tangcun-2010', file: facts });
    expect(report.refused[0]?.issues.join('\n')).toMatch(/facts\[0\]\.value/);
    expect(opened.library.ask({ text: '唐村镇2010年主动公开了多少条政府信息?' })).toMatchObject({ outcome: 'answered', report: 'tangcun-2010' });

    writeFileSync(facts, '{ "facts": [ not json');
    const broken = opened.reload();
    expect(broken.refused[0]).toMatchObject({ id: 'tangcun-2010', file: facts });
    expect(opened.library.ask({ text: '唐村镇2010年主动公开了多少条政府信息?' }).text).toContain('180');
  });

  it('picks up a new pack from file events and from SIGHUP, logging refusals and what is live', async () => {
    const { logger, lines } = recordingLogger();
    const watch = watchLibrary(opened, logger, { debounceMs: 50 });
    try {
      writeTangcun(join(root, 'tangcun-2011'), 2011);
      await vi.waitFor(() => expect(opened.library.reports().map((p) => p.id)).toContain('tangcun-2011'), { timeout: 10_000, interval: 50 });
      expect(lines.find((l) => l.event === 'library.reloaded')?.fields).toMatchObject({ cause: 'watch', added: ['tangcun-2011'] });

      writeFileSync(join(root, 'tangcun-2011', 'intents.json'), '[]');
      process.emit('SIGHUP', 'SIGHUP');
      const refused = lines.find((l) => l.event === 'library.pack_refused');
      expect(refused?.fields).toMatchObject({ pack: 'tangcun-2011', file: join(root, 'tangcun-2011', 'intents.json'), keptOld: true });
      expect(opened.library.ask({ text: PRESS })).toMatchObject({ outcome: 'answered', report: 'tangcun-2011' });
    } finally {
      watch.close();
    }
  });
});

describe('a large library, read by its packs meta at start', () => {
  it('validates the rest in the background, taking out a bad pack, and a pack broken before its first question gets a clear reply', async () => {
    writeTangcun(join(root, 'tangcun-2011'), 2011);
    const intents = join(root, 'tangcun-2011', 'intents.json');
    writeFileSync(intents, '{"intents": 3}');
    const lazy = openLibrary({ dir: root, validateAtStartMax: 1 });
    expect(lazy.library.reports().map((p) => p.id)).toContain('tangcun-2011');
    const answer = lazy.library.ask({ text: PRESS });
    expect(answer.outcome).toBe('unknown');
    expect(answer.text).toContain('暂时无法查询');
    const refused: string[] = [];
    const checked = await lazy.checkRest((r) => refused.push(`${r.file}: ${r.issues.join('; ')}`));
    expect(checked).toBe(2);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(intents);
    expect(refused[0]).toContain('intents');
    expect(lazy.library.reports().map((p) => p.id)).toEqual(['tangcun-2010', 'tongliao-2011']);
    expect(lazy.library.ask({ text: '唐村镇2010年收到几件申请?' }).text).toContain('4件');
  });
});
