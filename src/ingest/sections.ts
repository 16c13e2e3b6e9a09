import type { DomainIngest, SectionKind } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';
import { type Heading, isBareHeading, kindOf, numberedHeading, splitRunOn } from './headings.js';
import type { IngestMessage, SourceLine } from './source-lines.js';
import { isCellLine } from './sentences.js';

/** A part of the report as ingest reads it: its heading, kind and body lines. */
export interface DraftSection {
  id: string;
  title: string;
  titleEn: string;
  parent: string | null;
  kind: SectionKind;
  level: number;
  lines: SourceLine[];
  /** The heading line itself, when the title is written in the text. */
  headingLine?: number;
  /** A paragraph's lead ("(三)重点领域信息公开。一是…"): its title opens the paragraph it names. */
  lead?: true;
  /** A table or document appended to the report ("附表：…统计表"): it restates what the text says. */
  appendix?: true;
}

/** The line that opens an appendix: 附表：…, 附件1：…, 附：…统计表. */
const APPENDIX = /^附(?:表|件)?\s*[\d一二三四五六七八九十]*\s*[:：]\s*\S|^附表\s*$/;

const NUMERIC_CELL = /^[\s|｜]*[-—–+/]?\s*\d+(\.\d+)?\s*%?[\s|｜]*$|^[\s|｜]*[-—–/]+[\s|｜]*$/;
const SPACED_ROW = /^(\p{Script=Han}[^\s|]{0,30})((?:\s+[-+]?\d+(?:\.\d+)?%?){2,})$/u;
/** A statistics-table row laid out with runs of spaces: "2.兼职人员数      人      4" (label, unit, figure). */
const SPACED_UNIT_ROW = /^(\S.{0,80}?)\s{2,}(\p{Script=Han}{1,3})\s{2,}([-+]?\d+(?:\.\d+)?%?)$/u;

const FIGURE_CELL = /^[-+]?\d+(?:\.\d+)?%?$/;
const HEADER_CELL = /^[\p{Script=Han}/（）()]{1,12}$/u;

/**
 * A table row as a PDF's text gives it, its cells apart by runs of spaces: a row with its figures
 * ("（三）不予公开   1.属于国家秘密     0    0    0"), figures alone ("1     0    0     0"), or
 * header cells, wrapped or not ("商业     科研    社会公益"). Undefined for any other line: prose
 * never leaves such runs between short pieces, and a "索引号：…" field line has its colon.
 */
function spacedCells(text: string): string[] | undefined {
  const pieces = text.trim().split(/\s{2,}/);
  if (pieces.length < 2 || /[|｜]/.test(text)) return undefined;
  const figures = pieces.filter((p) => FIGURE_CELL.test(p)).length;
  const trailing = pieces.findIndex((_, i) => pieces.slice(i).every((q) => FIGURE_CELL.test(q)));
  if (figures === pieces.length) return pieces;
  const labels = trailing > 0 ? pieces.slice(0, trailing) : [];
  if (labels.length > 0 && labels.every((p) => /\p{Script=Han}/u.test(p) && !/[。，,；;：:]/.test(p))) return pieces;
  if (figures === 0 && pieces.every((p) => HEADER_CELL.test(p))) return pieces;
  return undefined;
}

/** Table cells flattened into lines: "规章 | 0 | 0 | 0", "0 |", a lone "|", or "规章 0 0 0". */
const isTabular = (text: string) => /[|｜]/.test(text) || NUMERIC_CELL.test(text);


/**
 * Lines of a table zone: tabular lines, the short lines between them (a cell split over two lines),
 * and the runs of short lines that touch them (a table copied a cell per line: 信息内容, 本年制发件数,
 * … before its first figure). A run stops at a part's heading (二、主动公开政府信息情况).
 */
function tableZone(lines: SourceLine[], isPartHeading: (text: string) => boolean): boolean[] {
  const tab = lines.map((l) => isTabular(l.text));
  const zone = [...tab];
  for (let i = 0; i < lines.length; i++) {
    if (tab[i]) continue;
    const near = (d: number) => tab[i - d] === true || tab[i + d] === true;
    if ((lines[i]?.text.length ?? 0) <= 30 && (near(1) || (near(2) && (tab[i - 1] || tab[i + 1])))) zone[i] = true;
  }
  lines.forEach((l, i) => {
    if (!tab[i] && isPartHeading(l.text)) zone[i] = false;
  });
  const joins = (i: number) => !zone[i] && isCellLine(lines[i]?.text ?? '') && !isPartHeading(lines[i]?.text ?? '');
  for (let i = 1; i < lines.length; i++) if (zone[i - 1] && joins(i)) zone[i] = true;
  for (let i = lines.length - 2; i >= 0; i--) if (zone[i + 1] && joins(i)) zone[i] = true;
  return zone;
}

/**
 * A "(一)加强组织领导。…" paragraph inside a part: its short title names what the paragraph tells, so
 * the paragraph is a subsection and its figures cite that title. A title holding a figure
 * ("(一)全年受理申请5件。") is a sentence, not a title.
 */
function isParagraphLead(heading: Heading, current: DraftSection): boolean {
  if (heading.level !== 2 || heading.alone || heading.rest.length < 8) return false;
  if (current.level < 1 || current.kind === 'title') return false;
  return heading.title.length <= 24 && !/\d/.test(heading.title.replace(/\d{4}年/, ''));
}

/**
 * Splits the report into sections by every heading style real reports use: 一、 / (一) / 1、 lines,
 * 第一部分, bare heading lines, and run-on paragraphs with inline 一、…二、…. Each section is mapped to
 * a statutory kind by its title's words (a subsection inherits its parent's), keeps its title as
 * written and gets a stable id from its kind (proactive, on-request-2, proactive.1).
 */
export function buildSections(input: SourceLine[], domain: Pick<DomainIngest, 'sectionKinds' | 'reportWords' | 'headingEndings'>, title: string, messages: IngestMessage[]): DraftSection[] {
  const lines: SourceLine[] = input.flatMap((l) => {
    const spaced = SPACED_ROW.exec(l.text);
    if (spaced) return [{ ...l, text: `${spaced[1]} | ${(spaced[2] ?? '').trim().split(/\s+/).join(' | ')}` }];
    const unitRow = SPACED_UNIT_ROW.exec(l.text);
    if (unitRow) return [{ ...l, text: `${unitRow[1]} | ${unitRow[2]} | ${unitRow[3]}` }];
    const cells = spacedCells(l.text);
    if (cells) return [{ ...l, text: cells.join(' | ') }];
    return splitRunOn(l.text, domain).map((text) => ({ ...l, text }));
  });
  const zone = tableZone(lines, (text) => {
    const heading = numberedHeading(text, domain.headingEndings);
    return heading !== undefined && heading.level === 1 && kindOf(heading.title, domain) !== undefined;
  });
  const kindEn = new Map(domain.sectionKinds.map((k) => [k.kind, k.en]));
  const titleAt = lines.slice(0, 6).findIndex((l) => l.text.length <= 80 && domain.reportWords.some((w) => simplify(l.text).includes(w)) && !/[。]/.test(l.text));
  const root: DraftSection = { id: 'report', title: titleAt >= 0 ? (lines[titleAt]?.text.replace(/\s*[|｜]+\s*$/, '') ?? title) : title, titleEn: 'Annual report', parent: null, kind: 'title', level: 0, lines: [] };
  if (titleAt >= 0) root.headingLine = lines[titleAt]?.line;
  const sections: DraftSection[] = [root];
  const stack: DraftSection[] = [root];
  const used = new Map<string, number>();
  const childCount = new Map<string, number>();

  const open = (level: number, heading: string, line: SourceLine, forced?: SectionKind) => {
    while ((stack.at(-1)?.level ?? 0) >= level) stack.pop();
    const parent = stack.at(-1) ?? root;
    const own = forced ?? kindOf(heading, domain);
    const kind: SectionKind = own ?? (parent.kind === 'title' ? 'other' : parent.kind);
    let id: string;
    if (parent === root || own) {
      const n = (used.get(kind) ?? 0) + 1;
      used.set(kind, n);
      id = n === 1 ? kind : `${kind}-${n}`;
    } else {
      const n = (childCount.get(parent.id) ?? 0) + 1;
      childCount.set(parent.id, n);
      id = `${parent.id}.${n}`;
    }
    const section: DraftSection = { id, title: heading, titleEn: `${kindEn.get(kind) ?? 'Section'}${parent === root ? '' : ` (${id})`}`, parent: parent.id, kind, level, lines: [], headingLine: line.line };
    sections.push(section);
    stack.push(section);
    messages.push({ line: line.line, kind: 'heading', text: `${'  '.repeat(level - 1)}${heading} → ${kind}` });
    return section;
  };

  lines.forEach((l, i) => {
    if (i === titleAt) return;
    // A paragraph lead holds its own paragraph only: "此外,…" after it speaks for the whole part.
    if (stack.at(-1)?.lead && !numberedHeading(l.text, domain.headingEndings)) stack.pop();
    const current = stack.at(-1) ?? root;
    const text = l.text;
    if (!zone[i] || !/[|｜]/.test(text)) {
      const numbered = numberedHeading(text, domain.headingEndings);
      const statutory = numbered ? kindOf(numbered.title, domain) : undefined;
      const lead = numbered !== undefined && !zone[i] && isParagraphLead(numbered, current);
      // Inside a table only a part's heading opens a section: "1.信访举报投诉类申请" is a row.
      const part = numbered?.level === 1 && statutory !== undefined;
      if (numbered && (numbered.alone || lead || part) && !(zone[i] && !part)) {
        const section = open(numbered.level, numbered.title, l);
        if (lead && !numbered.alone) section.lead = true;
        if (numbered.rest) section.lines.push({ ...l, text: numbered.rest });
        return;
      }
      if (APPENDIX.test(text.trim()) && text.length <= 80) {
        const section = open(1, text.trim(), l, 'other');
        section.appendix = true;
        return;
      }
      if (!zone[i] && !numbered && isBareHeading(text, lines[i + 1]?.text)) {
        open(1, text.trim(), l);
        return;
      }
    }
    current.lines.push(l);
  });
  return sections;
}

/** A section's body as stored in the pack: its lines, verbatim, one a line. */
export const sectionText = (s: DraftSection) => s.lines.map((l) => l.text).join('\n');
