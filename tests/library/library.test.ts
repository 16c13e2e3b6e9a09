import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../adapters/library/open-library.js';
import { readConfig } from '../../adapters/config/index.js';
import { ConfigError } from '../../src/errors.js';
import type { Library, LibraryAnswer } from '../../src/library/index.js';
import { judge, type QuestionItem } from '../support/question-set.js';
import { buildLibrary } from './library-support.js';

/** A line of the library's question set: the shared format, plus the pack(s) the answer must come from. */
interface LibraryItem extends QuestionItem {
  report?: string;
  citations?: number;
  is?: string;
}

const ITEMS = readFileSync(new URL('./library-questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as LibraryItem);

let root: string;
let library: Library;

beforeAll(() => {
  root = buildLibrary();
  library = openLibrary({ dir: root }).library;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a library of the seed pack, the shared reports ingested and our 唐村镇 pair', () => {
  it('holds every pack, each known by body, year and region', () => {
    const ids = library.reports().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['tongliao-2011', 'tangcun-2010', 'tangcun-2011', 'xinghua-2010', 'tianzhen-xinfangju-2021']));
    expect(ids).toHaveLength(11);
    expect(library.reports().find((p) => p.id === 'tangcun-2010')).toMatchObject({ body: '青石县唐村镇人民政府', year: 2010 });
    expect(library.reports().find((p) => p.id === 'tongliao-2011')).toMatchObject({ body: '通辽市', region: '内蒙古自治区', year: 2011 });
  });

  it.each(ITEMS.map((item) => [item.id, item] as const))('%s', (_id, item) => {
    const answer = library.ask({ text: item.q, ...(item.session ? { session: `set-${item.session}` } : {}) }) as LibraryAnswer;
    expect(judge(item, answer), answer.text).toEqual([]);
    if (item.report) expect(answer.report, answer.text).toBe(item.report);
    if (item.citations) {
      expect(answer.citations.length, answer.text).toBeGreaterThanOrEqual(item.citations);
      // Two reports' figures cite two different quotes, each standing verbatim in its own pack.
      expect(new Set(answer.citations.map((c) => c.quote)).size).toBeGreaterThanOrEqual(item.citations);
    }
    if (item.is) expect(answer.outcome).toBe(item.is);
  });

  it('names the report of every answer when it holds more than one', () => {
    const answer = library.ask({ text: '兴华乡主动公开了多少条政府信息?' });
    expect(answer.message).toContain('《兴华乡2010年政府信息公开报告》');
    expect(answer.text.startsWith(answer.message)).toBe(true);
  });

  it('answers from a report chosen by the asker, and says so for an id it lacks', () => {
    expect(library.ask({ text: '开了几次新闻发布会?', report: 'tangcun-2010' })).toMatchObject({ outcome: 'answered', report: 'tangcun-2010' });
    const missing = library.ask({ text: '开了几次新闻发布会?', report: 'nowhere-1999' });
    expect(missing.outcome).toBe('out_of_scope');
    expect(missing.text).toContain('nowhere-1999');
  });

  it('computes a comparison only from the two quoted figures', () => {
    const answer = library.ask({ text: '唐村镇2011年比2010年多公开了多少条?' });
    const quotes = answer.citations.map((c) => c.quote).join('\n');
    expect(quotes).toContain('236');
    expect(quotes).toContain('180');
    expect(236 - 180).toBe(56);
    expect(answer.text).toContain('56');
  });
});

describe('the default report', () => {
  it('is the newest year of the only body without DEFAULT_REPORT', () => {
    const dir = buildLibrary({ shared: false, tongliao: false });
    try {
      const lib = openLibrary({ dir }).library;
      expect(lib.defaultReport()?.id).toBe('tangcun-2011');
      expect(lib.ask({ text: '开了几次新闻发布会?' })).toMatchObject({ outcome: 'answered', report: 'tangcun-2011' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is DEFAULT_REPORT when set, and a pack it does not name stops start-up naming the variable', () => {
    expect(openLibrary({ dir: root, defaultReport: 'tongliao-2011' }).library.ask({ text: '开了多少次新闻发布会?' })).toMatchObject({ outcome: 'answered', report: 'tongliao-2011' });
    expect(() => openLibrary({ dir: root, defaultReport: 'nowhere-1999' })).toThrow(ConfigError);
    expect(() => openLibrary({ dir: root, defaultReport: 'nowhere-1999' })).toThrow(/DEFAULT_REPORT: "nowhere-1999" is no pack/);
    expect(() => readConfig({ DEFAULT_REPORT: 'bad id!' })).toThrow(/DEFAULT_REPORT/);
  });

  it('is asked for when the library holds several bodies and none is set', () => {
    expect(library.defaultReport()).toBeUndefined();
    const answer = library.ask({ text: '开了多少次新闻发布会?' });
    expect(answer.outcome).toBe('clarify');
    expect(answer.suggestions.length).toBeGreaterThan(1);
    // Each option is the question with a report's name before it, so tapping one answers it.
    const picked = library.ask({ text: answer.suggestions.find((s) => s.startsWith('通辽')) ?? '' });
    expect(picked).toMatchObject({ outcome: 'answered', report: 'tongliao-2011' });
  });

  it('takes a number as the answer to "which report?", in any channel (the options live in the context)', () => {
    expect(library.ask({ text: '开了多少次新闻发布会?', session: 'which-n' }).outcome).toBe('clarify');
    const second = library.reports()[1];
    const chosen = library.ask({ text: '2', session: 'which-n' });
    expect(chosen).toMatchObject({ outcome: 'clarify', report: second?.id });
    expect(chosen.text).toContain(second?.title.zh);
    expect(library.ask({ text: '主动公开了多少条政府信息?', session: 'which-n' })).toMatchObject({ report: second?.id });
  });
});
