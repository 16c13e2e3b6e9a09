import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestReport } from '../src/ingest/index.js';
import { loadDomainIngest, loadDomainLexicon, projectDomainDir } from '../src/knowledge/index.js';

/** One pack to copy from: its four files as text, and the body and year it states. */
interface Template {
  files: Record<string, string>;
  body: string;
  year: number;
}

/** Han characters for made-up county names (安平县, 白河县…): a thousand copies need a hundred distinct bodies. */
const FIRST = '安白长东丰福广和华嘉江金乐临龙南宁平庆清';
const SECOND = '平河山水宁川阳源城林';

/**
 * The packs we have, as templates: the seed pack (knowledge/tongliao-2011), every report of
 * ../shared/reports and of tests/ingest/reports ingested, and our two 唐村镇 reports.
 */
export function templatePacks(root: string): Template[] {
  const domainDir = projectDomainDir();
  const domain = { lexicon: loadDomainLexicon(domainDir), ingest: loadDomainIngest(domainDir) };
  const templates: Template[] = [];
  const seed = join(root, 'knowledge', 'tongliao-2011');
  templates.push({ files: Object.fromEntries(['report.json', 'facts.json', 'lexicon.json', 'intents.json'].map((f) => [f, readFileSync(join(seed, f), 'utf8')])), body: '通辽市', year: 2011 });
  const sources: { file: string; body: string; year: number }[] = [];
  for (const dir of [join(root, '..', 'shared', 'reports'), join(root, 'tests', 'ingest', 'reports')]) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, { body: string; year: number }>;
    for (const [slug, { body, year }] of Object.entries(manifest)) {
      const txt = readdirSync(dir).find((f) => f.startsWith(`${slug}.`) && !f.endsWith('.jsonl'));
      if (txt) sources.push({ file: join(dir, txt), body, year });
    }
  }
  for (const year of [2010, 2011]) sources.push({ file: join(root, 'tests', 'fixtures', 'library-reports', `tangcun-${year}.txt`), body: '青石县唐村镇人民政府', year });
  for (const { file, body, year } of sources) {
    const text = readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('# ')).join('\n');
    const result = ingestReport(Buffer.from(text), { body, year }, domain);
    templates.push({ files: Object.fromEntries(Object.entries(result.files).map(([name, content]) => [name, JSON.stringify(content)])), body, year });
  }
  return templates;
}

/**
 * A year in a pack's text: 19xx or 20xx before 年 (2011年, 2011年度), or a bare one of recent decades
 * not counting something (an English "in 2011", the lexicon's "2010"; not 1937件, 2015条); never
 * part of a longer number nor a document number (〔2008〕).
 */
const YEAR_IN_TEXT = /(?<![\d〔.])(?:(?:19|20)\d{2}(?=年)|(?:199|20[0-3])\d(?![\d〕.%]|\s*\p{Script=Han}))/gu;

/**
 * A pack's JSON moved `delta` years in time: every year its texts name (report year, the year before,
 * quotes and replies alike), the years its rules speak of and the facts counted in years. A copy
 * renamed to another year without this still says its template's year everywhere, and a year it
 * mentions (the seed's 2010) collides with the copy's own, so the copy asked of that year clarifies
 * where its template answers: not the path a real report of that year takes.
 */
export function shiftYears(value: unknown, delta: number, key = ''): unknown {
  if (delta === 0) return value;
  if (typeof value === 'string') return value.replace(YEAR_IN_TEXT, (y) => String(Number(y) + delta));
  if (typeof value === 'number') return key === 'year' || key === 'years' ? value + delta : value;
  if (Array.isArray(value)) return value.map((v) => shiftYears(v, delta, key));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const inYears = (record.unit as { zh?: unknown } | undefined)?.zh === '年';
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, shiftYears(v, delta, k === 'value' && inYears ? 'year' : k)]));
}

/** The made-up body of copy `b` of a template: a county name before the template's own body. */
export const benchBody = (b: number, body: string) => `${FIRST[b % FIRST.length] ?? '安'}${SECOND[Math.floor(b / FIRST.length) % SECOND.length] ?? '平'}县${body}`;

/**
 * Writes `count` packs into `dir`: body b (of a hundred) in year 2010 + y, each a copy of a template
 * with its meta renamed (body, id) and the whole report moved to that year (see shiftYears), so the
 * library routes them apart as it would a city's departments over ten years, and each copy answers
 * a question naming its year as its template answers one naming its own.
 */
export function writeBenchLibrary(dir: string, templates: Template[], count: number): { id: string; body: string; year: number }[] {
  mkdirSync(dir, { recursive: true });
  const bodies = Math.min(100, count);
  const written: { id: string; body: string; year: number }[] = [];
  for (let k = 0; k < count; k++) {
    const b = k % bodies;
    const year = 2010 + Math.floor(k / bodies);
    const template = templates[b % templates.length] as Template;
    const id = `pack-${b}-${year}`;
    const body = benchBody(b, template.body);
    const out = join(dir, id);
    mkdirSync(out, { recursive: true });
    const shifted = (name: string) => shiftYears(JSON.parse(template.files[name] ?? '{}'), year - template.year);
    const report = shifted('report.json') as { meta: { id: string; year: number; city: { zh: string } } };
    report.meta = { ...report.meta, id, year, city: { ...report.meta.city, zh: body } };
    writeFileSync(join(out, 'report.json'), JSON.stringify(report));
    for (const name of ['facts.json', 'lexicon.json', 'intents.json']) writeFileSync(join(out, name), JSON.stringify(shifted(name)));
    written.push({ id, body, year });
  }
  return written;
}

/** Copies a written library (for runs that must not share a folder). */
export const copyLibrary = (from: string, to: string) => cpSync(from, to, { recursive: true });
