import type { Catalogue } from './catalogue.js';
import type { PackInfo } from './pack-info.js';

/** What a question names of the library: years, bodies, regions, and whether it compares years. */
export interface Routing {
  years: number[];
  /** Packs of the bodies the question names (empty when it names none). */
  bodies: PackInfo[];
  /** Packs of the regions the question names, when it names no body. */
  regions: PackInfo[];
  /** A question across reports: two years named with a comparison, or "两年", "both years". */
  compares: boolean;
  /** The question without the names and years that routed it, for telling a bare "2010年呢?". */
  rest: string;
  /** The question without the names that routed it (years kept), each blanked with as many spaces. */
  unnamed: string;
}

const HAN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A year as questions write it: 2010年, 2010年度, 二〇一〇年, or a bare 2010 in English. */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度|年)?|([〇零一二三四五六七八九]{4})\s*(?:年度|年)/gu;
const COMPARES = /比|相比|对比|比较|增加|减少|增长|下降|变化|差多少|多了|少了|两年|两个年度|两份|各年|每年|compare|than|change|increase|decrease|difference|both years|each year/iu;
const BOTH = /两年|两个年度|两份|各年|每年|both years|each year/iu;

/** Years a question names, in the order it names them, each once. */
export function yearsIn(form: string): number[] {
  const years: number[] = [];
  for (const m of form.matchAll(YEAR)) {
    const digits = m[1] ?? [...(m[2] ?? '')].map((c) => HAN_DIGITS[c] ?? '').join('');
    const year = Number(digits);
    // A bare four-digit number is a year only in an English question ("in 2010"), not 2010条.
    if (m[1] && !/年/.test(m[0]) && /[\p{Script=Han}]/u.test(form.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1))) continue;
    if (!years.includes(year)) years.push(year);
  }
  return years;
}

/** True when the question asks about every report of a body ("两年的…", "both years"). */
export function asksBoth(form: string): boolean {
  return BOTH.test(form);
}

/**
 * Reads what a question (in matching form: simplified, lower-case) names of the library. Pure, and
 * linear in the question's length, not in the library's size.
 */
export function routeQuestion(form: string, catalogue: Catalogue): Routing {
  const years = yearsIn(form);
  // Names and years are blanked out with as many spaces, so `rest` lines up with the question itself.
  const blank = (m: string) => ' '.repeat(m.length);
  let unnamed = form;
  let rest = form.replace(YEAR, blank);
  const bodySet = new Set<PackInfo>();
  const regionSet = new Set<PackInfo>();
  for (const { entry, at } of catalogue.namesIn(rest)) {
    rest = rest.slice(0, at) + blank(entry.name) + rest.slice(at + entry.name.length);
    unnamed = unnamed.slice(0, at) + blank(entry.name) + unnamed.slice(at + entry.name.length);
    const into = entry.kind === 'body' ? bodySet : regionSet;
    for (const p of entry.packs) into.add(p);
  }
  const bodies = [...bodySet];
  const regions = [...regionSet];
  // One year with 比 compares it with the conversation's report ("比2010年多了多少?").
  const compares = (years.length >= 2 && (COMPARES.test(form) || /和|与|及|、|and/u.test(form))) || BOTH.test(form) || (years.length === 1 && /比|than/u.test(form));
  return { years, bodies, regions: bodies.length > 0 ? [] : regions, compares, rest, unnamed };
}

const FILLER = /[\s\p{P}\p{S}]|呢|吗|嘛|啊|那么|那|这|的|里|中|是|在|年度|年|报告|份|what|about|how|and|in|the|for|of|report|year/giu;

/**
 * The question as the asker wrote it (script and case kept) with the spans blanked in `blanked`
 * (its matching form) blanked too. Matching form and question line up character for character
 * (simplification is character-level); where they do not, the matching form itself is returned.
 */
export function alignBlanks(original: string, form: string, blanked: string): string {
  if (original.length !== form.length || form.length !== blanked.length) return blanked;
  let out = '';
  for (let i = 0; i < original.length; i++) out += blanked[i] === ' ' && form[i] !== ' ' ? ' ' : original[i];
  return out;
}

/** The Han characters FILLER's words are made of (read from it): any other Han character outlives it. */
const FILLER_HAN = new Set((FILLER.source.match(/\p{Script=Han}/gu) ?? []).map((ch) => ch.charCodeAt(0)));

/** A question that is only a year or a body once its names are taken out ("2010年呢?", "And 2010?"). */
export function isBareSwitch(rest: string): boolean {
  // Two Han characters FILLER cannot take out answer it without the regular expression (most questions).
  let kept = 0;
  for (let i = 0; i < rest.length && kept < 2; i++) {
    const code = rest.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff && !FILLER_HAN.has(code)) kept++;
  }
  return kept < 2 && rest.replace(FILLER, '').length <= 1;
}
