import { hanNumber } from '../text/han-number.js';
import { clausesOf } from './figures.js';
import { numberedHeading } from './headings.js';
import type { DraftSection } from './sections.js';
import { isTableLine, type Sentence } from './sentences.js';

/** An enumeration of the report, before it becomes a list of the pack. */
export interface DraftList {
  section: DraftSection;
  /** What the items are, in the report's words (the sentence that introduces them, or the section title). */
  label: string;
  items: string[];
  /** Verbatim excerpts of the section that hold the items, joined by … */
  quote: string;
  line: number;
  /** The part's subsection titles: an outline of what the part covers, not a list of its own. */
  outline?: true;
  /** A 、-enumeration inside a sentence (审批、招投标、施工、验收等): a detail of what the sentence says. */
  inline?: true;
}

const ORDINAL_LEAD = /^([一二三四五六七八九十]{1,2})是/;
const MAX_ITEM = 60;

/** An item's lead: its first sentence, or its first clause when the sentence is long. */
function leadOf(text: string): string {
  const sentence = text.match(/^[^。；;！!？?]+/)?.[0] ?? text;
  const short = sentence.length <= MAX_ITEM ? sentence : (clausesOf(sentence)[0] ?? sentence).replace(/[，,；;：:]$/, '');
  return short.trim();
}

/** The last clause before a list begins, when it introduces it ("主要表现在:", "存在的主要问题有:"). */
function introBefore(text: string): string | undefined {
  const intro = text.trim().replace(/[：:]$/, '');
  if (!intro || intro.length > 60) return undefined;
  return clausesOf(intro).at(-1)?.replace(/[，,：:]$/, '') ?? intro;
}

/** 一是…二是…三是… inside a section's sentences. */
function ordinalLists(section: DraftSection, sentences: Sentence[]): DraftList[] {
  const lists: DraftList[] = [];
  let current: { items: string[]; quotes: string[]; line: number; label: string } | undefined;
  const flush = () => {
    if (current && current.items.length >= 2) lists.push({ section, label: current.label, items: current.items, quote: current.quotes.join('…'), line: current.line });
    current = undefined;
  };
  let previous: Sentence | undefined;
  for (const s of sentences) {
    for (const m of s.text.matchAll(/([一二三四五六七八九十]{1,2})是/g)) {
      const n = hanNumber(m[1] ?? '', true);
      const at = m.index ?? 0;
      const before = s.text.slice(0, at);
      if (at > 0 && !/[：:；;。，,\s]$/.test(before)) continue;
      const item = leadOf(s.text.slice(at + m[0].length));
      if (n === 1) {
        flush();
        // A list opening its sentence is introduced by the sentence before it in the same paragraph
        // ("2、进一步规范公开内容。一是…二是…"): an item of a longer list, not the whole part.
        const lead = before.trim() ? before : previous?.line === s.line ? previous.text.replace(/[。；;]$/, '') : '';
        current = { items: [], quotes: [], line: s.line, label: introBefore(lead) ?? section.title };
      }
      if (!current || n !== current.items.length + 1 || !item) continue;
      current.items.push(item);
      current.quotes.push(`${m[0]}${item}`);
    }
    previous = s;
  }
  flush();
  return lists;
}

/** (一)…(二)… and 1、…2、… item paragraphs of a section, and 1.…;2.… inside one line. */
function numberedLists(section: DraftSection, headingEndings: readonly string[]): DraftList[] {
  const lists: DraftList[] = [];
  let current: { items: string[]; quotes: string[]; line: number; label: string; level: number } | undefined;
  let previous = '';
  const flush = () => {
    if (current && current.items.length >= 2) lists.push({ section, label: current.label, items: current.items, quote: current.quotes.join('…'), line: current.line });
    current = undefined;
  };
  for (const l of section.lines) {
    if (isTableLine(l.text)) continue;
    const markers = [...l.text.matchAll(/(^|[：:；;。，,\s])(\d{1,2})[.．、](?!\d)/g)];
    // Runs of 1.…2.… in one line ("问题有:1.…;2.…。改进措施:1.…;2.…"), each its own list.
    const runs: RegExpMatchArray[][] = [];
    for (const m of markers) {
      const n = Number(m[2]);
      const run = runs.at(-1);
      if (n === 1) runs.push([m]);
      else if (run && n === run.length + 1) run.push(m);
    }
    const good = runs.filter((r) => r.length >= 2);
    if (good.length) {
      flush();
      for (const run of good) {
        const starts = run.map((m) => (m.index ?? 0) + (m[1] ?? '').length);
        const after = markers.find((m) => (m.index ?? 0) > (starts.at(-1) ?? 0) && Number(m[2]) === 1);
        const stop = after ? (after.index ?? l.text.length) + (after[1] ?? '').length : l.text.length;
        const items = starts.map((st, i) => l.text.slice(st, starts[i + 1] ?? stop).replace(/^\d{1,2}[.．、]/, '').replace(/[；;。，,\s]+$/, '').trim());
        const before = l.text.slice(0, starts[0]);
        const label = introBefore(before.split(/[。；;]/).at(-1) ?? before) ?? section.title;
        const leads = items.map(leadOf);
        lists.push({ section, label, items: leads, quote: leads.join('…'), line: l.line });
      }
      previous = l.text;
      continue;
    }
    const heading = numberedHeading(l.text, headingEndings);
    if (heading && heading.level >= 2 && heading.number !== undefined) {
      if (heading.number === 1) {
        flush();
        current = { items: [], quotes: [], line: l.line, label: introBefore(clausesOf(previous).at(-1) ?? '') ?? section.title, level: heading.level };
      }
      if (current && heading.level === current.level && heading.number === current.items.length + 1) {
        current.items.push(heading.title);
        current.quotes.push(heading.title);
      }
    } else if (!ORDINAL_LEAD.test(l.text)) {
      flush();
    }
    previous = l.text;
  }
  flush();
  return lists;
}

/** Subsections (一)…(二)… of a part, as the list of what the part covers. */
function childLists(section: DraftSection, sections: DraftSection[]): DraftList[] {
  const children = sections.filter((s) => s.parent === section.id);
  // The list is quoted by the part's title, so only a title the report itself writes will do.
  if (children.length < 2 || section.headingLine === undefined) return [];
  // Paragraph leads ("(一)加强组织领导。…") are the part's own items, quoted as written.
  // Named like any (一)…(二)… list: by the clause that introduces them ("将从以下方面作进一步改进:").
  if (children.every((c) => c.lead)) {
    const label = introBefore(clausesOf(section.lines.at(-1)?.text ?? '').at(-1) ?? '') ?? section.title;
    return [{ section, label, items: children.map((c) => c.title), quote: children.map((c) => c.title).join('…'), line: children[0]?.headingLine ?? section.headingLine }];
  }
  return [{ section, label: section.title, items: children.map((c) => c.title), quote: section.title, line: section.headingLine ?? 0, outline: true }];
}

/** 、-enumerations closed by 等 (等4个配套文件, 等多种途径), with the noun that names them. */
function enumerations(section: DraftSection, sentences: Sentence[]): DraftList[] {
  const lists: DraftList[] = [];
  for (const s of sentences) {
    for (const m of s.text.matchAll(/((?:[^、，,。；;：:]{1,30}、){1,}[^、，,。；;：:]{1,30}?)等([^，,。；;、]{0,24})/g)) {
      const items = (m[1] ?? '').split('、').map((x) => x.replace(/^(包括|通过|有|如|在|对|将|把|和|及|与)/, '').trim()).filter(Boolean);
      if (items.length < 3 || items.some((x) => x.length > 30)) continue;
      const noun = (m[2] ?? '').replace(/^[\d一二三四五六七八九十两]+[个项类种家所名件条部]/, '').replace(/^(多种|各类|各种|多个|方面的|方式|形式)?/, '$1');
      lists.push({ section, label: noun || items.join('、'), items, quote: m[0], line: s.line, inline: true });
    }
  }
  return lists;
}

/** Every list of the report: 一是…二是…, (一)…(二)…, 1、…, and 、-enumerations closed by 等. */
export function findLists(sections: DraftSection[], sentences: Sentence[], headingEndings: readonly string[]): DraftList[] {
  return sections.flatMap((section) => {
    const own = sentences.filter((s) => s.section === section);
    return [...ordinalLists(section, own), ...numberedLists(section, headingEndings), ...childLists(section, sections), ...enumerations(section, own)];
  });
}
