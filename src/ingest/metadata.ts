import type { DomainIngest } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';
import { IngestError } from './ingest-error.js';
import type { SourceLine } from './source-lines.js';

export interface IngestOptions {
  body?: string;
  year?: number;
  title?: string;
  /** The pack's id (a folder name); made from the body's pinyin and the year when absent. */
  id?: string;
}

/** Who published the report, for which year, under which title, and the places it covers. */
export interface ReportMeta {
  body: string;
  year: number;
  title: string;
  /** The body's places, largest first (北京市, 通州区, 中仓街道), with their short forms. */
  places: string[];
  region: string;
  /** Where each came from, for the review: option, title, text. */
  found: { body: string; year: string };
}

const YEAR = /(19[89]\d|20\d\d)\s*年/g;

function bodyFromTitle(title: string, domain: Pick<DomainIngest, 'reportWords'>): string | undefined {
  let t = simplify(title).replace(/[《》"“”]/g, '');
  for (const w of [...domain.reportWords].sort((a, b) => b.length - a.length)) t = t.replace(w, '');
  t = t.replace(/(19|20)\d\d\s*年度?/g, '').replace(/关于|的$/g, '').trim();
  return t.length >= 2 && t.length <= 40 ? t : undefined;
}

/** A sign-off line near the end ("XX县林业局" before a date) names the body when the text says only 我局. */
function bodyFromSignOff(lines: SourceLine[], domain: Pick<DomainIngest, 'bodySuffixes' | 'places'>): string | undefined {
  const tail = lines.slice(-4).map((l) => simplify(l.text.trim()));
  const endings = [...domain.bodySuffixes, '局', '委员会', '中心', '政府', '街道'];
  return tail.find((t) => t.length >= 3 && t.length <= 30 && !/[。，,；;]/.test(t) && endings.some((e) => t.endsWith(e)));
}

/** The places a body's name holds: 北京市通州区中仓街道办事处 → 北京市, 北京, 通州区, 通州, 中仓街道, 中仓. */
export function placesOf(body: string, domain: Pick<DomainIngest, 'places' | 'bodySuffixes'>): string[] {
  let name = simplify(body);
  for (const suffix of domain.bodySuffixes) if (name.endsWith(suffix) && name.length > suffix.length + 1) name = name.slice(0, -suffix.length);
  const units = [...domain.places].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`[\\p{Script=Han}]{2,8}?(${units.join('|')})`, 'gu');
  const places: string[] = [];
  for (const m of name.matchAll(pattern)) {
    const place = m[0];
    places.push(place);
    const short = place.slice(0, -(m[1] ?? '').length);
    if (short.length >= 2) places.push(short);
  }
  return [...new Set([...places, simplify(body), name])];
}

/**
 * The report's body, year and title: from the options first (staff know best), else from the
 * title line, the statistics period or the sign-off. Refuses when neither gives body or year,
 * naming the option to pass, since reports often say only 我局.
 */
export function detectMeta(lines: SourceLine[], rootTitle: string | undefined, htmlTitle: string | undefined, options: IngestOptions, domain: DomainIngest): ReportMeta {
  const text = lines.map((l) => l.text).join('\n');
  const titleLine = rootTitle ?? htmlTitle;
  const titleYear = titleLine ? [...titleLine.matchAll(YEAR)].map((m) => Number(m[1]))[0] : undefined;
  const period = /统计期限?(自|为|从)?\s*(19|20)(\d\d)\s*年/.exec(simplify(text));
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const frequent = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const year = options.year ?? titleYear ?? (period ? Number(`${period[2]}${period[3]}`) : frequent);
  const yearFrom = options.year ? 'option --year' : titleYear ? 'title' : period ? 'statistics period' : 'most frequent year in the text';
  const titled = titleLine ? bodyFromTitle(titleLine, domain) : undefined;
  const signed = bodyFromSignOff(lines, domain);
  const body = options.body ?? titled ?? signed;
  if (!body && !year) throw new IngestError('the report names neither its body nor its year: pass --body <发布机关> --year <YYYY>');
  if (!body) throw new IngestError('the report does not name its body (it may say only 我局 or 我镇): pass --body <发布机关>');
  if (!year) throw new IngestError('the report does not state its year: pass --year <YYYY>');
  const title = options.title ?? titleLine ?? `${body}${year}年政府信息公开工作年度报告`;
  const places = placesOf(body, domain);
  return { body, year, title, places, region: places[0] ?? body, found: { body: options.body ? 'option --body' : titled ? 'title' : 'sign-off', year: yearFrom } };
}
