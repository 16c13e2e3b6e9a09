import type { DomainIngest } from '../knowledge/schema.js';
import { HAN_NUMERAL, hanNumber } from '../text/han-number.js';
import { simplify } from '../text/script.js';
import type { Sentence } from './sentences.js';

/** A figure found in a sentence, before it becomes a fact of the pack. */
export interface DraftFigure {
  value: number;
  approx: boolean;
  unit: string;
  /** The figure as the report writes it (13126條, 两次, 约13萬人次). */
  written: string;
  /** The clause it stands in, verbatim, and the clause with this figure taken out (what it counts). */
  clause: string;
  label: string;
  /** The word right after the unit (9个查阅点 → 查阅点): what is counted, when the unit does not say. */
  counted: string;
  sentence: Sentence;
  none: boolean;
  /** What the total this figure breaks down counts ("共主动公开政府信息1286条。按类别分:…工作动态类583条"). */
  whole?: string;
  /** The total itself, when the report states it: a part's share of it can then be worked out. */
  wholeFigure?: DraftFigure;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Clauses of a sentence: cut at commas, semicolons and colons, each verbatim. */
export const clausesOf = (text: string) => text.match(/(?:[^，,；;：:。！？!?]|(?<=\d),(?=\d{3}(?!\d)))+[，,；;：:。！？!?]?/g)?.map((c) => c.trim()).filter(Boolean) ?? [];

/** Spans inside 《》 and quotation marks: names of documents and slogans, whose numbers are not figures. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/《[^》]*》|“[^”]*”|「[^」]*」|"[^"]*"/g)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}

/**
 * The piece of a clause that holds one figure when 、 joins several ("当面申请三件、信函申请两件"):
 * each figure counts what stands between it and the figure before, not its sibling.
 */
function pieceOf(clause: string, at: number, written: string): string {
  const cuts = [...clause.matchAll(/、/g)].map((m) => m.index ?? 0).filter((i) => /[\d一二三四五六七八九十两百千万条件次个项人户元%]$/.test(clause.slice(0, i)));
  if (!cuts.length) return clause;
  const start = Math.max(0, ...cuts.filter((i) => i < at).map((i) => i + 1));
  const end = Math.min(clause.length, ...cuts.filter((i) => i >= at + written.length));
  return clause.slice(start, end);
}

const LEAD_WORDS = /^(其中|另外|此外|同时|以及|和|及|并|均|已|还|又|另|其)[，,、]?/;
const TRAIL_WORDS = /(达到|约为|为|达|计|约|近|有|是|占)$/;

/** What a figure counts, in the report's words: its clause without the figure, the year and the body's self-name. */
export function labelOf(clause: string, written: string, selfNames: readonly string[]): string {
  let label = clause.replace(written, ' ').replace(/[，,；;：:。！？!?]$/, '');
  label = label.replace(/(\d{4})\s*年(度)?(以来)?[，,]?/g, '').replace(/今年以来|本年度|年内/g, '');
  for (const self of selfNames) label = label.split(self).join('');
  label = label.replace(/\s+/g, '').replace(LEAD_WORDS, '').replace(TRAIL_WORDS, '').replace(TRAIL_WORDS, '');
  return label.trim();
}

/** A digit, ASCII or full-width. */
const DIGIT = '[0-9０-９]';

/**
 * Every figure of the report's sentences: Arabic digits, decimals, 万, percentages and Chinese
 * numerals (两次, 六个方面), each with its unit, the clause it counts and the sentence to quote.
 * Years, dates, document numbers, ordinals (第六届) and numbers inside 《》 or quotes are not figures.
 */
export function findFigures(sentences: Sentence[], domain: Pick<DomainIngest, 'units' | 'selfNames'>): DraftFigure[] {
  const units = [...domain.units].sort((a, b) => b.zh.length - a.zh.length);
  const unitPattern = units.map((u) => escape(u.zh)).join('|');
  // Digits as pages print them, full-width (４６块) too: the quote keeps them, the value reads them.
  const arabic = new RegExp(`(约|近|超过|逾|大约)?(${DIGIT}{1,3}(?:,${DIGIT}{3})+(?!${DIGIT})|${DIGIT}+(?:\\.${DIGIT}+)?)\\s*(万|萬|亿|億)?\\s*(余|餘|多)?\\s*(${unitPattern}|個|條|項|場|萬人次|萬元|億元)`, 'g');
  const han = new RegExp(`(约|近)?([${HAN_NUMERAL}]+)\\s*(余|餘|多)?\\s*(${unitPattern}|個|條|項|場)`, 'g');
  const traditional: Record<string, string> = { 個: '个', 條: '条', 項: '项', 場: '场', 萬人次: '万人次', 萬元: '万元', 億元: '亿元' };
  const figures: DraftFigure[] = [];
  let previousSentence: { sentence: Sentence; first: DraftFigure | undefined } | undefined;
  for (const sentence of sentences) {
    const clauses = clausesOf(sentence.text);
    const found: { figure: DraftFigure; clauseIndex: number }[] = [];
    clauses.forEach((clause, clauseIndex) => {
      const quoted = quotedSpans(clause);
      const inQuotes = (at: number) => quoted.some(([a, b]) => at > a && at < b);
      const push = (at: number, written: string, value: number, unitZh: string, approx: boolean) => {
        if (inQuotes(at) || /第\s*$/.test(clause.slice(0, at))) return;
        const unitName = traditional[unitZh] ?? unitZh;
        const unit = units.find((u) => u.zh === unitName);
        if (!unit) return;
        const after = clause.slice(at + written.length).match(/^[\p{Script=Han}]{1,6}/u)?.[0] ?? '';
        const own = labelOf(pieceOf(clause, at, written), written, domain.selfNames);
        // "政务信息754条,占74.29%": a share's clause names nothing; it counts what the clause before it does.
        const previous = clauseIndex > 0 ? clauses[clauseIndex - 1] : undefined;
        const bare = (own.match(/\p{Script=Han}/gu)?.length ?? 0) < 2 || /^(所占|占)?(比例|比重|占比)?(为|是|达)?$/.test(own);
        const share = unit.zh === '%' ? '占比' : '';
        const parts = /由.*组成|共?[五六七八九]个?部分/.test(simplify(sentence.text)) && /部分/.test(unit.zh + after);
        figures.push({
          value: unit.scale ? value * unit.scale : value,
          approx,
          unit: unit.as ?? unit.zh,
          written,
          clause: bare && previous ? `${previous}${clause}` : clause,
          label: parts ? '报告的组成部分' : bare && previous ? `${labelOf(previous, previous.match(/\d+(\.\d+)?\s*[^\d\s，,；;]{0,2}/)?.[0] ?? '', domain.selfNames)}${share}` : own,
          counted: unit.zh === '个' || unit.zh === '项' || unit.zh === '家' || unit.zh === '所' || unit.zh === '处' ? after.replace(/[的和及、].*$/, '') : '',
          sentence,
          none: false,
        });
        found.push({ figure: figures.at(-1) as DraftFigure, clauseIndex });
      };
      for (const m of clause.matchAll(arabic)) {
        const [written, about, printed, big, more, unitZh] = m;
        const digits = (printed ?? '').normalize('NFKC');
        if (/^\d{4}$/.test(digits) && !big && unitZh === '年') continue;
        const scale = big === '万' || big === '萬' ? 10_000 : big ? 100_000_000 : 1;
        // "1,286条": a thousands separator, as reports print large counts.
        push(m.index ?? 0, written, Number(digits.replace(/,/g, '')) * scale, unitZh ?? '', Boolean(about || more));
      }
      for (const m of clause.matchAll(han)) {
        const [written, about, numeral, more, unitZh] = m;
        const value = hanNumber(numeral ?? '', true);
        // 一个, 一项, 一次 are mostly articles ("一个重要环节"), not figures.
        if (value === undefined || value === 0 || numeral === '一') continue;
        if (/[一二三四五六七八九十]是/.test(clause.slice(m.index ?? 0, (m.index ?? 0) + 3))) continue;
        push(m.index ?? 0, written, value, unitZh ?? '', Boolean(about || more));
      }
    });
    markBreakdown(found, clauses, previousSentence?.sentence.line === sentence.line ? previousSentence.first : undefined);
    previousSentence = { sentence, first: found[0]?.figure };
  }
  return figures;
}

const BREAKDOWN_LEAD = /^(其中|按.{1,8}分|分别|具体(来说|而言)?|从.{1,8}看)/;

/**
 * The parts of a total ("共收到申请27件,其中当面申请9件"; "…1286条。按类别分:机构职能类41条") count
 * what the total counts: each part is told what its whole is, so "工作动态发了多少条" finds 工作动态类.
 * Siblings of one sentence ("网站发布1103条,微博发布310条") are no parts of each other.
 */
function markBreakdown(own: { figure: DraftFigure; clauseIndex: number }[], clauses: string[], before: DraftFigure | undefined): void {
  const first = own[0];
  const simple = simplify(clauses[0] ?? '');
  if (before && BREAKDOWN_LEAD.test(simple)) {
    for (const { figure } of own) {
      if (figure.unit !== before.unit) continue;
      figure.whole = before.label;
      figure.wholeFigure = before;
    }
    return;
  }
  if (!first) return;
  const opens = clauses.findIndex((c, i) => i > first.clauseIndex && BREAKDOWN_LEAD.test(simplify(c)));
  const colon = /[：:]$/.test(clauses[first.clauseIndex] ?? '') ? first.clauseIndex : -1;
  const from = opens >= 0 ? opens : colon >= 0 ? colon + 1 : -1;
  if (from < 0) return;
  for (const { figure, clauseIndex } of own) {
    if (clauseIndex < from || figure === first.figure || figure.unit !== first.figure.unit) continue;
    figure.whole = first.figure.label;
    figure.wholeFigure = first.figure;
  }
}

/**
 * Clauses that state that nothing happened (未收到申请, 没有收费, 为零): each a cited "none", so a
 * question about them is answered from the report instead of "not found" or an invented 0.
 */
export function findNegations(sentences: Sentence[], domain: Pick<DomainIngest, 'negations' | 'selfNames'>): DraftFigure[] {
  const patterns = domain.negations.map((p) => new RegExp(p));
  const out: DraftFigure[] = [];
  for (const sentence of sentences) {
    for (const clause of clausesOf(sentence.text)) {
      const simple = simplify(clause);
      if (!patterns.some((p) => p.test(simple)) || /\d/.test(clause.replace(/\d{4}\s*年/g, ''))) continue;
      out.push({ value: 0, approx: false, unit: '', written: '', clause, label: labelOf(clause, '', domain.selfNames), counted: '', sentence, none: true });
    }
  }
  return out;
}
