import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
import { defaultKnowledgeDir, projectRoot } from '../../adapters/shared/boot-engine.js';
import { createFigures } from '../../src/answer/figures.js';
import { packJsonSchemas } from '../../src/knowledge/json-schemas.js';
import { bundledKnowledge } from '../support/engine.js';

const seedFile = join(projectRoot(), '..', 'shared', 'seed', '000_8af516ff008966a0.txt');
const k = bundledKnowledge();
const reportSections = k.sections.filter((s) => s.origin === 'report');

describe('the bundled knowledge pack', () => {
  it.runIf(existsSync(seedFile))('holds the source text verbatim: every section, in order, covering all of it', () => {
    const seed = readFileSync(seedFile, 'utf8');
    let at = 0;
    for (const s of k.sections) {
      const title = seed.indexOf(s.title, at);
      expect(title, `title of ${s.id}`).toBeGreaterThanOrEqual(at);
      const body = seed.indexOf(s.text, title);
      expect(body, `text of ${s.id}`).toBeGreaterThanOrEqual(title);
      at = body + s.text.length;
    }
    const covered = k.sections.map((s) => s.title + s.text).join('').replace(/\s/g, '');
    expect(covered.length).toBe(seed.replace(/\s/g, '').length);
  });

  it('covers every Arabic number of the report with a fact quoting it in its own section', () => {
    const uncovered: string[] = [];
    for (const section of [...reportSections, ...k.sections.filter((s) => s.id === 'report')]) {
      for (const match of section.text.matchAll(/(\d+)(萬)?/g)) {
        const n = Number(match[1]) * (match[2] ? 10_000 : 1);
        const ok =
          n === k.meta.year ||
          k.facts.some((f) => f.value === n && f.section === section.id && f.quote.includes(match[0]));
        if (!ok) uncovered.push(`${section.id}: ${match[0]}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('covers every count written in Chinese numerals (五個部分, 六項, 第六屆…)', () => {
    const numerals: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
    const uncovered: string[] = [];
    for (const section of reportSections) {
      for (const match of section.text.matchAll(/第?([一二三四五六七八九十])(個部分|個層面|個方面|項|大|屆)/g)) {
        const n = numerals[match[1] ?? ''];
        const ok = k.facts.some((f) => f.value === n && f.section === section.id && (f.source?.includes(match[0].replace(/^第/, '')) ?? false));
        if (!ok) uncovered.push(`${section.id}: ${match[0]}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('computes derived figures from facts, and they agree with the report', () => {
    const figures = createFigures(k);
    expect(figures.value('proactive.sum-check')).toBe(figures.value('proactive.total'));
    expect(figures.value('approval.not-completed')).toBe(23210 - 22970);
    expect(figures.value('approval.completion-rate')).toBeCloseTo((22970 / 23210) * 100, 2);
    expect(figures.value('counties.without-centre')).toBe(4);
  });

  it('lists as many items as the report says each list has', () => {
    const count = (id: string) => k.lists.find((l) => l.id === id)?.items.length;
    expect(count('documents')).toBe(k.facts.find((f) => f.id === 'documents.count')?.value);
    expect(count('problems')).toBe(5);
    expect(count('measures')).toBe(5);
    expect(count('counties-with-centre')).toBe(k.facts.find((f) => f.id === 'counties.with-centre')?.value);
    expect(count('report-parts')).toBe(k.facts.find((f) => f.id === 'report.parts')?.value);
  });

  it('writes its Chinese reply text in simplified characters (traditional is converted from it)', () => {
    const toSimplified = Converter({ from: 'tw', to: 'cn' });
    const texts = [...k.intents.flatMap((i) => [i.reply.zh, i.question.zh]), ...k.lists.flatMap((l) => l.items.map((x) => x.zh))];
    expect(texts.filter((t) => toSimplified(t) !== t)).toEqual([]);
  });

  it('ships JSON Schemas that match the zod schema (run npm run schema after changing it)', () => {
    for (const [file, schema] of Object.entries(packJsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(join(defaultKnowledgeDir(), '..', 'schema', file), 'utf8')) as unknown;
      expect(onDisk, file).toEqual(schema);
    }
  });
});
