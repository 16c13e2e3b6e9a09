import type { DomainIngest, SectionKind } from '../knowledge/schema.js';
import { hanNumber } from '../text/han-number.js';
import { simplify } from '../text/script.js';

/** A heading read off a line: its level, its number (for sequences), its title and any text after it. */
export interface Heading {
  level: 1 | 2 | 3;
  number: number | undefined;
  title: string;
  rest: string;
  /** True when the line is only a heading ("二、主动公开政府信息情况"), false when text follows it. */
  alone: boolean;
}

const MAX_TITLE = 40;
const MARKERS: [RegExp, 1 | 2 | 3][] = [
  [/^第([一二三四五六七八九十]{1,3})部分\s*[、,，:：.．]?\s*/, 1],
  [/^([一二三四五六七八九十]{1,3})\s*[、.．]\s*/, 1],
  [/^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*[、.．]?\s*/, 2],
  [/^(\d{1,2})\s*[、.．](?!\d)\s*/, 3],
];

/** The statutory part a title names, by the domain's words (checked in the domain's order). */
export function kindOf(title: string, domain: Pick<DomainIngest, 'sectionKinds'>): SectionKind | undefined {
  const simple = simplify(title);
  return domain.sectionKinds.find((k) => k.words.some((w) => simple.includes(w)))?.kind;
}

/** Splits "标题 正文" or "标题。正文" into title and rest when the title part is short. */
function splitTitle(text: string, endings: readonly string[]): { title: string; rest: string } | undefined {
  const trimmed = text.trim().replace(/\s*[|｜]+$/, '');
  const spaced = /^(\S{4,40})\s+(\S.*)$/.exec(trimmed);
  if (spaced && endings.some((e) => simplify(spaced[1] ?? '').endsWith(e))) return { title: spaced[1] ?? '', rest: spaced[2] ?? '' };
  if (trimmed.length <= MAX_TITLE && !/[。！？；;!?]./.test(trimmed)) return { title: trimmed.replace(/[。：:；;]$/, ''), rest: '' };
  const boundary = /[。：:；;!！?？]|\s/.exec(trimmed);
  if (!boundary || boundary.index === 0 || boundary.index > MAX_TITLE) return undefined;
  return { title: trimmed.slice(0, boundary.index), rest: trimmed.slice(boundary.index + 1).trim() };
}

/** A numbered heading ("一、", "(二)", "3、", "第一部分") at the start of a line, if the line has one. */
export function numberedHeading(text: string, endings: readonly string[]): Heading | undefined {
  for (const [pattern, level] of MARKERS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const digits = m[1] ?? '';
    const number = /\d/.test(digits) ? Number(digits) : hanNumber(digits, true);
    const split = splitTitle(text.slice(m[0].length), endings);
    if (!split || !split.title) return undefined;
    return { level, number, title: split.title, rest: split.rest, alone: split.rest === '' };
  }
  return undefined;
}

const DATE_LINE = /^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(\s*[\d一二三四五六七八九十]{1,3}\s*日)?$/;

/** A short line with no sentence punctuation, followed by text: a heading without a number ("概述"). */
export function isBareHeading(text: string, next: string | undefined): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 30 || /[。！？；;!?|｜:：]$/.test(t) || /[。；;]/.test(t)) return false;
  // "邮政编码：417600" is a field of a contact block; a signature is followed by its date.
  if (/[:：]\s*\S/.test(t) || (next !== undefined && DATE_LINE.test(next.trim()))) return false;
  if (/^[\d\s.,，、%-]+$/.test(t) || /^[•·・●▪]/.test(t)) return false;
  if ((t.match(/\p{Script=Han}/gu)?.length ?? 0) < 2) return false;
  return next !== undefined && next.trim().length > t.length;
}

const INLINE = /(^|[\s。：:；;])([一二三四五六七八九十]{1,2})、/g;

/**
 * A run-on paragraph holding several parts ("…如下: 一、政府信息主动公开情况 为方便… 二、…"):
 * split before each heading of the sequence 一、二、三… whose title names a statutory part.
 */
export function splitRunOn(text: string, domain: Pick<DomainIngest, 'sectionKinds' | 'headingEndings'>): string[] {
  const cuts: number[] = [];
  let expect = 1;
  for (const m of text.matchAll(INLINE)) {
    const n = hanNumber(m[2] ?? '', true);
    if (n !== expect) continue;
    const at = (m.index ?? 0) + (m[1] ?? '').length;
    const heading = numberedHeading(text.slice(at), domain.headingEndings);
    if (!heading || !kindOf(heading.title, domain)) continue;
    cuts.push(at);
    expect++;
  }
  if (cuts.length < 2) return [text];
  const pieces = [text.slice(0, cuts[0])];
  cuts.forEach((c, i) => pieces.push(text.slice(c, cuts[i + 1] ?? text.length)));
  return pieces.map((p) => p.trim()).filter(Boolean);
}
