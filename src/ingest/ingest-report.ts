import type { Derived, DomainIngest, DomainLexicon, Fact, Intent, Knowledge, List, Section } from '../knowledge/schema.js';
import { Knowledge as KnowledgeSchema } from '../knowledge/schema.js';
import { checkReferences } from '../knowledge/check-references.js';
import { checkValues } from '../knowledge/check-values.js';
import { mergeLexicon } from '../knowledge/merge-domain.js';
import { arabicYears } from '../text/normalize.js';
import { simplify } from '../text/script.js';
import { COMPARISON_CONCEPTS } from '../match/qualifiers.js';
import { buildRules, linkSuggestions, type Answerable } from './build-rules.js';
import { findContact, givesContact, mentionsContact, piecesOf } from './contact.js';
import { clausesOf, findFigures, findNegations, type DraftFigure } from './figures.js';
import { subtotalLess } from './group-sums.js';
import { IngestError } from './ingest-error.js';
import { findLists } from './lists.js';
import { createMainland } from './mainland.js';
import { detectMeta, type IngestOptions, type ReportMeta } from './metadata.js';
import { readInput } from './read-input.js';
import { buildSections, sectionText, type DraftSection } from './sections.js';
import { splitSentences } from './sentences.js';
import { toLines, type IngestMessage } from './source-lines.js';
import { stripChrome } from './strip-chrome.js';
import { findTableCells, type DraftCell } from './tables.js';
import { createVocabulary } from './vocabulary.js';

/**
 * A table row's label without its notes in brackets ("专项经费（不包括用于…等方面的经费）"): the note
 * says what is left out, so its words must not call the row up.
 */
const unbracketed = (label: string) => label.replace(/[（(][^（()）]*[)）]/g, '');

/** The question a contact line answers, by its field, so a question back tells the lines apart. */
const FIELD_QUESTIONS: Record<string, { zh: string; en: string }> = {
  'contact-phone': { zh: '联系电话是多少？', en: 'What is the phone number?' },
  'contact-address': { zh: '地址在哪里？', en: 'What is the address?' },
  'contact-postcode': { zh: '邮编是多少？', en: 'What is the postcode?' },
  'contact-fax': { zh: '传真号码是多少？', en: 'What is the fax number?' },
  'contact-email': { zh: '邮箱是什么？', en: 'What is the email address?' },
  'office-hours': { zh: '办公时间是什么时候？', en: 'What are the office hours?' },
};

/** What a table appended to the report weighs against the text's own sentences, which state most of its figures too. */
const APPENDIX_SHARE = 0.6;

/** The pack's four files, as the loader reads them, and what a staff member checks. */
export interface IngestResult {
  files: {
    'report.json': Pick<Knowledge, 'meta' | 'sections'>;
    'facts.json': Pick<Knowledge, 'facts' | 'derived' | 'lists'>;
    'lexicon.json': { concepts: Knowledge['concepts']; scope: { places: Knowledge['scope']['places'] } };
    'intents.json': Pick<Knowledge, 'intents'>;
  };
  knowledge: Knowledge;
  meta: ReportMeta;
  messages: IngestMessage[];
  sections: DraftSection[];
}

export interface Domain {
  lexicon: DomainLexicon;
  ingest: DomainIngest;
}

const MAX_SHORT = 24;
const short = (s: string) => (s.length > MAX_SHORT ? `${s.slice(0, MAX_SHORT)}…` : s);
const stripNumbering = (s: string) => s.replace(/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])\s*/, '').trim();
const endSentence = (s: string) => (/[。！？!?]$/.test(s) ? s : `${s.replace(/[，,；;：:]$/, '')}。`);

/**
 * Turns one report (UTF-8 text or saved HTML) into a knowledge pack with no hand-written rule: a
 * pipeline of small pure steps (read → strip chrome → sections → sentences → figures, negations,
 * lists, tables → rules), each leaving messages for the review. Throws IngestError with a one-line
 * reason for input that is not such a report.
 */
export function ingestReport(bytes: Uint8Array, options: IngestOptions, domain: Domain, sourceName = 'report'): IngestResult {
  const d = domain.ingest;
  const messages: IngestMessage[] = [];
  const input = readInput(bytes);
  const lines = stripChrome(toLines(input.text), d, messages);
  const body = simplify(lines.map((l) => l.text).join('\n'));
  if ((body.match(/\p{Script=Han}/gu)?.length ?? 0) < 20) throw new IngestError('the file has almost no Chinese text: it is not an annual report on open government information');
  if (!d.statutoryWords.some((w) => body.includes(w))) {
    throw new IngestError(`not an annual report on open government information: none of ${d.statutoryWords.slice(0, 3).join('、')} occurs in it`);
  }
  const placeholder = options.title ?? input.title ?? '政府信息公开工作年度报告';
  const sections = buildSections(lines, d, placeholder, messages);
  const root = sections[0] as DraftSection;
  const meta = detectMeta(lines, root.headingLine !== undefined ? root.title : undefined, input.title, options, d);
  if (root.headingLine === undefined) root.title = meta.title;
  const statutory = sections.filter((s) => s.kind !== 'title' && s.kind !== 'other');
  const mainland = createMainland(d);
  const vocabulary = createVocabulary(domain.lexicon);
  const unitEn = new Map(d.units.map((u) => [u.as ?? u.zh, u.en]));
  /** Each statutory part's domain concepts (依申请 for the 依申请公开 part). */
  const partConcepts = new Map(d.sectionKinds.map((k) => [k.kind, k.concepts]));
  /**
   * In a table read by its national template every row is of its part (申请 in "重复申请" tells
   * nothing), so the part's concepts only rank its rows (`partTopic`), except the row a question
   * naming only a column asks for (本年新收: "企业申请了几件"), which they qualify.
   */
  const inTablePart = (c: DraftCell, ids: string[]) => {
    if (c.askedRow === undefined) return ids;
    const part = partConcepts.get(c.section.kind) ?? [];
    return c.askedRow ? [...new Set([...ids, ...part])] : ids.filter((x) => !part.includes(x));
  };
  const partTopic = (c: DraftCell) => (c.askedRow === false ? { topic: partConcepts.get(c.section.kind) ?? [] } : {});
  // A clause cut from "二〇〇九年,我镇将…", or standing under "七、2014年工作打算", speaks of that
  // year, not the report's.
  const openingYear = (text: string) => /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])?\s*(?:在|于)?((?:19|20)\d\d)\s*年(?![度底初末]?(?:以来|相比|比))/.exec(arabicYears(text))?.[1];
  const yearPrefix = (s: string, sentence?: { text: string; section: { title: string } }) => {
    if (/(19|20)\d\d\s*年/.test(arabicYears(s))) return s;
    const named = sentence ? (openingYear(sentence.text) ?? openingYear(sentence.section.title)) : undefined;
    return `${named ?? meta.year}年，${s}`;
  };

  const sentences = splitSentences(sections);
  // The short name the report gives itself ("以下简称“县卫计委”") is no more what a figure counts than 我局 is.
  const declared = [...body.matchAll(/以下简称[“"「]([^”"」]{2,12})[”"」]/g)].map((m) => m[1] ?? '').filter((n) => !d.selfNames.includes(n));
  const selves = { ...d, selfNames: [...declared, ...d.selfNames].sort((a, b) => b.length - a.length) };
  const figures = findFigures(sentences, selves);
  const negations = findNegations(sentences, selves);
  const cells = findTableCells(sections, d);
  const lists = findLists(sections, sentences, d.headingEndings);
  if (figures.length + negations.length + cells.length + lists.length === 0 && statutory.length === 0) {
    throw new IngestError('nothing to answer: the text has no statutory part (主动公开, 依申请公开…), no figure, list or table');
  }

  const facts: Fact[] = [];
  const things: Answerable[] = [];
  const counters = new Map<string, number>();
  const nextId = (section: string, prefix: string) => {
    const key = `${section}.${prefix}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${section}.${prefix}${n}`;
  };
  const keyConcepts = (f: DraftFigure) => [...(f.counted ? vocabulary.conceptsOf(mainland(f.counted)) : []), ...vocabulary.conceptsOf(f.unit)];

  // Figures and negations of the text, each with the clause it stands in as its reply.
  const byClause = new Map<string, { figure: DraftFigure; id: string }[]>();
  const figureIds = new Map<DraftFigure, string>();
  for (const f of figures) {
    const id = nextId(f.sentence.section.id, 'f');
    figureIds.set(f, id);
    const list = byClause.get(f.clause) ?? [];
    list.push({ figure: f, id });
    byClause.set(f.clause, list);
    const arabic = f.written.replace(/[^\d.]/g, '') === String(f.value) && !f.approx;
    facts.push({
      id,
      value: f.value,
      approx: f.approx,
      unit: { zh: f.unit, en: unitEn.get(f.unit) ?? '' },
      label: { zh: mainland(f.label) || mainland(f.clause), en: mainland(f.label) || mainland(f.clause) },
      section: f.sentence.section.id,
      quote: f.sentence.text,
      ...(arabic ? {} : { source: f.written }),
      none: false,
    });
  }
  const templateOf = (clause: string) => {
    let t = clause;
    const found = byClause.get(clause) ?? [];
    for (const { figure, id } of found) t = t.replace(figure.written, `{f:${id}}${figure.unit === '%' ? '%' : figure.unit}`);
    return endSentence(yearPrefix(mainland(t), found[0]?.figure.sentence));
  };
  // A paragraph titled with one thing ("(一)政务公开栏。") says what its figures count ("公开信息八十四条").
  const topics = new Map<DraftSection, string[] | undefined>();
  const topicOf = (section: DraftSection) => {
    if (!section.lead) return undefined;
    if (!topics.has(section)) {
      const concepts = vocabulary.conceptsOf(mainland(section.title));
      topics.set(section, concepts.filter((c) => !vocabulary.isGeneric(c)).length <= 2 ? concepts : undefined);
    }
    return topics.get(section);
  };
  // "依托县政府门户网站专栏，全年发布信息268条": a clause with no figure of its own leads into the
  // figure's clause and says what it is about; its concepts rank the figure, never qualify it.
  // The body's own name (教育局栏目) says nothing of what is counted.
  const bodyConcepts = new Set(vocabulary.conceptsOf(simplify(meta.body)));
  const leadInOf = (sentence: string, clause: string, own: string[]) => {
    // Only a clause that names nothing much of its own ("全年发布信息268条") needs its lead-in.
    if (own.filter((c) => !vocabulary.isGeneric(c) && !c.startsWith('w.')).length > 2) return [];
    const at = sentence.indexOf(clause);
    const lead = at > 0 ? clausesOf(sentence.slice(0, at)).at(-1) : undefined;
    if (!lead || /\d|[零〇一二两三四五六七八九十百千万]+\s*[条件次个人项期元户批块篇场]/.test(lead)) return [];
    // A comparison ("较上年有所增加") is a statement of its own, not what the next clause counts.
    return vocabulary.conceptsOf(mainland(lead)).filter((c) => !own.includes(c) && !vocabulary.isGeneric(c) && !bodyConcepts.has(c) && !COMPARISON_CONCEPTS.has(c));
  };
  for (const { figure: f, id } of [...byClause.values()].flat()) {
    const label = mainland(f.label) || mainland(f.clause);
    const concepts = vocabulary.conceptsOf(label);
    const topic = [...new Set([...(topicOf(f.sentence.section) ?? []), ...leadInOf(f.sentence.text, f.clause, concepts)])];
    things.push({
      id,
      concepts,
      key: keyConcepts(f),
      extra: [],
      ...(f.whole ? { whole: vocabulary.conceptsOf(mainland(f.whole)) } : {}),
      ...(topic.length ? { topic } : {}),
      question: { zh: `${short(label)}有多少${f.unit === '%' ? '' : f.unit}？`, en: `How many ${unitEn.get(f.unit) || 'items'}: “${short(label)}”?` },
      reply: { zh: templateOf(f.clause), en: `The report gives {f:${id}}${f.unit === '%' ? '%' : ` ${unitEn.get(f.unit) ?? ''}`} for “${label}”.` },
      cite: [{ section: f.sentence.section.id, quote: f.sentence.text }],
      checks: id,
      kind: 'figure',
      section: f.sentence.section.id,
      surface: label,
    });
  }
  const derived: Derived[] = [];
  // "其中按时办结13件" of "申请办结14件": people ask what share the part is, or how many the rest
  // are ("除了网站，其他渠道一共…"), which the report leaves them to work out. Each part of a total
  // its own sentence states gets both by declared formulas (part ÷ total, total − part), unless the
  // sentence states a share already ("其中自然人申请48件，占76.2%").
  for (const [f, id] of figureIds) {
    const whole = f.wholeFigure;
    const wholeId = whole ? figureIds.get(whole) : undefined;
    // Only a total of the part's own sentence ("共收到申请27件,其中当面申请9件") is surely its whole.
    if (!whole || !wholeId || whole.sentence !== f.sentence || f.unit === '%' || f.none || f.value <= 0 || whole.value <= f.value || f.approx || whole.approx) continue;
    if (figures.some((g) => g.unit === '%' && g.sentence === f.sentence)) continue;
    const part = mainland(f.label) || mainland(f.clause);
    const of = mainland(whole.label) || mainland(whole.clause);
    const partConceptsOf = vocabulary.conceptsOf(part);
    const ofConcepts = vocabulary.conceptsOf(of);
    const cite = [{ section: f.sentence.section.id, quote: f.sentence.text }];
    const restId = `${id}.rest`;
    const rest = `${of}（除${part}外）`;
    derived.push({ id: restId, label: { zh: rest, en: rest }, op: 'difference', args: [wholeId, id], decimals: 0, unit: { zh: f.unit, en: unitEn.get(f.unit) ?? '' } });
    things.push({
      id: restId,
      // "其他" in such a question names the rest, never a part called 其他方式.
      concepts: partConceptsOf.filter((c) => c !== 'other-forms'),
      key: [],
      extra: ['except'],
      whole: ofConcepts,
      question: { zh: `${short(rest)}有多少？`, en: `How many besides “${short(part)}”?` },
      reply: {
        zh: `${meta.year}年，${of}{f:${wholeId}}${f.unit}，除${part}{f:${id}}${f.unit}外，其余{d:${restId}}${f.unit}（按报告数字计算：{f:${wholeId}} − {f:${id}}）。`,
        en: `Besides “${part}” ({f:${id}}), the rest of “${of}” ({f:${wholeId}}) is {d:${restId}}, worked out from the report's figures.`,
      },
      cite,
      checks: restId,
      kind: 'figure',
      section: f.sentence.section.id,
      surface: rest,
    });
    const shareId = `${id}.share`;
    const label = `${part}占${of}的比例`;
    derived.push({ id: shareId, label: { zh: label, en: label }, op: 'ratio-percent', args: [id, wholeId], decimals: 2, unit: { zh: '%', en: '%' } });
    things.push({
      id: shareId,
      concepts: partConceptsOf,
      key: [],
      extra: ['rate'],
      whole: ofConcepts,
      question: { zh: `${short(part)}占${short(of)}的比例是多少？`, en: `What share of “${short(of)}” is “${short(part)}”?` },
      reply: {
        zh: `${meta.year}年，${part}{f:${id}}${f.unit}，占${of}（{f:${wholeId}}${f.unit}）的{d:${shareId}}%（按报告数字计算：{f:${id}} ÷ {f:${wholeId}}）。`,
        en: `“${part}” ({f:${id}}) is {d:${shareId}}% of “${of}” ({f:${wholeId}}), worked out from the report's figures.`,
      },
      cite,
      checks: shareId,
      kind: 'figure',
      section: f.sentence.section.id,
      surface: label,
    });
  }
  for (const f of negations) {
    const id = nextId(f.sentence.section.id, 'none');
    const clause = mainland(f.clause).replace(/[，,；;：:]$/, '');
    facts.push({ id, value: 0, approx: false, unit: { zh: '', en: '' }, label: { zh: clause, en: clause }, section: f.sentence.section.id, quote: f.sentence.text, source: f.clause, none: true });
    things.push({
      id,
      // Known by its words without the body's own name (县卫计委未发生…), as a figure is.
      concepts: vocabulary.conceptsOf(mainland(f.label) || clause),
      key: [],
      extra: [],
      question: { zh: `${short(clause)}？`, en: `Was there any: “${short(clause)}”?` },
      reply: { zh: endSentence(yearPrefix(clause, f.sentence)), en: `The report says none: “${clause}”.` },
      cite: [{ section: f.sentence.section.id, quote: f.sentence.text }],
      kind: 'none',
      section: f.sentence.section.id,
      surface: clause,
    });
  }

  // Table cells, named by their row and column as the national format names them: one rule per
  // row (all its columns, the total first), and one per other column, which a question must name.
  const rows = new Map<string, { label: string; cells: { cell: DraftCell; id: string; column: string }[] }>();
  const unitText = (unit: string) => (unit === '%' ? '%' : unit);
  for (const c of cells) {
    const id = nextId(c.section.id, 't');
    const row = mainland(stripNumbering(c.row));
    const parents = c.rowPath.map((p) => mainland(stripNumbering(p)));
    const rowLabel = `${parents.length && /^\d|^[（(]/.test(simplify(c.row)) ? `${parents.at(-1)}·` : ''}${c.columnGroup ?? row}`;
    const column = mainland(c.column);
    const label = c.defaultColumn && /总计|合计|统计数/.test(column) ? rowLabel : `${rowLabel}（${column}）`;
    facts.push({ id, value: c.value, approx: false, unit: { zh: c.unit, en: unitEn.get(c.unit) ?? '' }, label: { zh: label, en: label }, section: c.section.id, quote: c.quote, none: false, table: { row: c.row, column: c.column } });
    const key = `${c.section.id}|${c.group}|${rowLabel}`;
    const entry = rows.get(key) ?? { label: rowLabel, cells: [] };
    entry.cells.push({ cell: c, id, column });
    rows.set(key, entry);
    if (c.defaultColumn) continue;
    // The column a question must name: its telling words, not 数量 or 总 that every column has. A
    // column with none (本年增/减) is answered only within its row's rule.
    const columnConcepts = vocabulary.conceptsOf(column.replace(c.columnGroup ?? '', '')).filter((x) => !vocabulary.isGeneric(x));
    if (columnConcepts.length === 0) continue;
    things.push({
      id,
      concepts: inTablePart(c, [...vocabulary.conceptsOf(unbracketed(rowLabel)), ...vocabulary.conceptsOf(parents.join(' ')).slice(0, 2)]),
      // A cell is known by its unit too (几件), as a figure of the text is.
      key: inTablePart(c, [...vocabulary.conceptsOf(unbracketed(c.columnGroup ? rowLabel : row)), ...vocabulary.conceptsOf(c.unit)]),
      extra: columnConcepts,
      columnOnly: c.askedRow === true,
      ...partTopic(c),
      ...(c.section.appendix ? { share: APPENDIX_SHARE } : {}),
      question: { zh: `${short(label)}是多少？`, en: `How many: “${short(label)}”?` },
      reply: { zh: `${meta.year}年，${label}：{f:${id}}${unitText(c.unit)}。`, en: `${label} (${c.columnEn || column}): {f:${id}}${c.unit === '%' ? '%' : ` ${unitEn.get(c.unit) ?? ''}`}.` },
      cite: [{ section: c.section.id, quote: c.quote }],
      checks: id,
      kind: 'figure',
      section: c.section.id,
      surface: label,
    });
  }
  for (const [key, { label, cells: rowCells }] of rows) {
    const ordered = [...rowCells.filter((r) => r.cell.defaultColumn), ...rowCells.filter((r) => !r.cell.defaultColumn)];
    const first = ordered[0] as (typeof ordered)[number];
    // A statistics table's one value column (统计数) names nothing: its figure stands alone.
    const columnName = (r: (typeof ordered)[number]) => (/^统计数$/.test(simplify(r.column)) ? '' : r.column.replace(first.cell.columnGroup ?? '', '') || r.column);
    const part = (r: (typeof ordered)[number]) => `${columnName(r)}{f:${r.id}}${unitText(r.cell.unit)}`;
    const parts = ordered.map(part);
    const last = rowCells.at(-1) as (typeof ordered)[number];
    const section = first.cell.section.id;
    const parents = first.cell.rowPath.map((p) => mainland(stripNumbering(p)));
    things.push({
      id: `${section}.row${[...rows.keys()].indexOf(key) + 1}`,
      concepts: inTablePart(first.cell, [...vocabulary.conceptsOf(unbracketed(label)), ...vocabulary.conceptsOf(parents.join(' ')).slice(0, 2)]),
      key: inTablePart(first.cell, vocabulary.conceptsOf(unbracketed(label.split('·').at(-1) ?? label))),
      extra: [],
      ...partTopic(first.cell),
      ...(first.cell.section.appendix ? { share: APPENDIX_SHARE } : {}),
      question: { zh: `${short(label)}是多少？`, en: `How many: “${short(label)}”?` },
      reply: { zh: `${meta.year}年，${label}：${parts.join('、')}。`, en: `${label}: ${ordered.map((r) => `${r.cell.columnEn || r.column} {f:${r.id}}`).join(', ')}.` },
      cite: [{ section, quote: last.cell.quote.length >= first.cell.quote.length ? last.cell.quote : first.cell.quote }],
      checks: first.id,
      kind: 'figure',
      section,
      surface: label,
    });
  }

  // Headers spanning columns the table gives no figure for (法人或其他组织): each row's sum, by a declared formula.
  let groupSums = 0;
  for (const { label, cells: rowCells } of rows.values()) {
    const first = rowCells[0];
    const groups = first ? (d.tables.find((t) => t.id === first.cell.table)?.columnGroups ?? []) : [];
    for (const group of groups) {
      const cellsOfGroup = group.columns.flatMap((col) => rowCells.filter((r) => simplify(r.cell.column) === col).slice(0, 1));
      if (!first || cellsOfGroup.length !== group.columns.length) continue;
      const id = `${first.cell.section.id}.cg${++groupSums}`;
      const unitZh = first.cell.unit;
      const whole = `${label}（${group.zh}）`;
      derived.push({ id, label: { zh: whole, en: whole }, op: 'sum', args: cellsOfGroup.map((r) => r.id), decimals: 0, unit: { zh: unitZh, en: unitEn.get(unitZh) ?? '' } });
      const last = cellsOfGroup.at(-1) as (typeof rowCells)[number];
      things.push({
        id,
        concepts: inTablePart(first.cell, vocabulary.conceptsOf(label)),
        key: inTablePart(first.cell, [...vocabulary.conceptsOf(label.split('·').at(-1) ?? label), ...vocabulary.conceptsOf(unitZh)]),
        extra: vocabulary.conceptsOf(group.zh).filter((x) => !vocabulary.isGeneric(x)),
        columnOnly: first.cell.askedRow === true,
        ...partTopic(first.cell),
        question: { zh: `${short(whole)}是多少？`, en: `How many: “${short(whole)}” (${group.en})?` },
        reply: {
          zh: `${meta.year}年，${whole}共{d:${id}}${unitText(unitZh)}（表中未列此项，为${cellsOfGroup.map((r) => `${r.column}{f:${r.id}}${unitText(unitZh)}`).join('、')}之和）。`,
          en: `${label} (${group.en}): {d:${id}} in all (the table gives no figure of its own: the sum of ${cellsOfGroup.map((r) => `${r.cell.columnEn || r.column} {f:${r.id}}`).join(', ')}).`,
        },
        cite: [{ section: first.cell.section.id, quote: last.cell.quote }],
        checks: id,
        kind: 'figure',
        section: first.cell.section.id,
        surface: whole,
      });
    }
  }
  // Groups the table gives no subtotal for (不予公开: 1.属于国家秘密 …): their sum, by a declared formula.
  const totals = [...rows.values()].flatMap(({ cells: rowCells }) => rowCells.filter((r) => r.cell.defaultColumn && /总计|合计/.test(simplify(r.column))));
  const ownRow = (section: string, heading: string) => [...rows.keys()].some((k) => k.startsWith(`${section}|`) && k.endsWith(`|${mainland(stripNumbering(heading))}`));
  subtotalLess(totals, ownRow).forEach((group, n) => {
    const id = `${group.section}.sum${n + 1}`;
    const heading = mainland(stripNumbering(group.heading));
    const unitZh = group.rows[0]?.cell.unit ?? '';
    const unit = unitText(unitZh);
    const counted = group.rows.filter((r) => r.cell.value !== 0);
    const named = (counted.length ? counted : group.rows.slice(0, 1)).map((r) => ({ ...r, name: mainland(stripNumbering(r.cell.row)) }));
    derived.push({ id, label: { zh: heading, en: heading }, op: 'sum', args: group.rows.map((r) => r.id), decimals: 0, unit: { zh: unitZh, en: unitEn.get(unitZh) ?? '' } });
    const how = counted.length ? `表中未列合计，为各项之和：${named.map((r) => `${r.name}{f:${r.id}}${unit}`).join('、')}` : '表中未列合计，各项均为0';
    things.push({
      id,
      concepts: [...vocabulary.conceptsOf(heading), 'total'],
      key: vocabulary.conceptsOf(heading),
      extra: [],
      question: { zh: `${short(heading)}一共有多少${unit}？`, en: `How many in all: “${short(heading)}”?` },
      reply: { zh: `${meta.year}年，${heading}共{d:${id}}${unit}（${how}）。`, en: `${heading}: {d:${id}} in all (the table gives no subtotal: the sum of its rows).` },
      cite: named.map((r) => ({ section: group.section, quote: r.cell.quote })),
      checks: id,
      kind: 'figure',
      section: group.section,
      surface: heading,
    });
  });

  // Lists: what the report enumerates, item by item.
  const packLists: List[] = [];
  // A problems part lists its problems, then what will be done: tell the two apart by their words,
  // else by order, so "存在哪些问题" and "打算怎么改" each find their own list.
  const problemLists = new Map<DraftSection, number>();
  const listRole = (l: (typeof lists)[number]): string[] => {
    // An outline ("存在的问题及改进措施": 存在的问题, 改进措施) is both, so neither role is its key.
    if (l.section.kind !== 'problems' || l.outline) return [];
    const rolesIn = (text: string) => d.listRoles.filter((r) => r.words.some((w) => simplify(text).includes(w)));
    const byWords = rolesIn(l.label)[0];
    if (byWords) return [byWords.concept];
    // A 、-enumeration inside a sentence is a detail of a problem or a measure, neither list itself.
    if (l.inline) return [];
    // A paragraph lead's lists count in its part's order: they come after the part's own lists.
    const part = (l.section.lead && sections.find((s) => s.id === l.section.parent)) || l.section;
    const n = problemLists.get(part) ?? 0;
    problemLists.set(part, n + 1);
    // Then its part's title, when the title names one role only: the lists under "改进措施" are
    // measures, those under "存在的问题及改进措施" go by their order.
    const byTitle = rolesIn(l.section.title);
    if (byTitle.length === 1 && byTitle[0]) return [byTitle[0].concept];
    const [first, later] = d.listRoles;
    return [(n === 0 ? first : (later ?? first))?.concept].filter((c): c is string => !!c);
  };
  // An outline's part is what it lists, not what it is about: its part's kind is no key of it.
  const outlines = new Set<string>();
  for (const l of lists) {
    const id = nextId(l.section.id, 'l');
    const role = listRole(l);
    if (l.outline) outlines.add(`${id}.items`);
    const label = mainland(stripNumbering(l.label));
    const items = l.items.map((it) => mainland(it)).map((zh) => ({ zh, en: zh }));
    packLists.push({ id, label: { zh: label, en: label }, section: l.section.id, quote: l.quote, items });
    const own = vocabulary.conceptsOf(label);
    things.push({
      id: `${id}.items`,
      // The part's title speaks for a list only when its own label names nothing (问题 vs 改进措施 in one part).
      concepts: [...own, ...role, ...(role.length || own.some((c) => !vocabulary.isGeneric(c) && !c.startsWith('w.')) ? [] : vocabulary.conceptsOf(mainland(l.section.title)).slice(0, 3)), ...(l.section === root ? ['parts'] : [])],
      key: l.section === root ? ['parts'] : role,
      extra: [],
      question: { zh: `${short(label)}有哪些？`, en: `What does the report list as “${short(label)}”?` },
      reply: { zh: `${label}：{l:${id}}`, en: `${label} (as the report lists them):{l:${id}}` },
      cite: [{ section: l.section.id, quote: l.quote }],
      kind: 'list',
      section: l.section.id,
      surface: label,
    });
  }

  // Sentences giving the body's contact (电话, 邮箱, 地址): citizens ask for them, in the report's words.
  // A sentence that only names a way to ask ("受理地点和联系方式七部分组成") gives none.
  const contactFields = new Set(d.contactFields);
  const contactThings = new Set<string>(['report.contact']);
  const givesOne = (text: string) => givesContact(text, d) || (mentionsContact(text, d) && /\d{5,}/.test(text));
  // Field by field, however short ("电话：0736-5321088；" is no sentence of four characters).
  sections.flatMap(piecesOf).filter((x) => givesOne(x.text)).forEach((x, n) => {
    const text = mainland(x.text);
    // Known by its field (电话, 地址, 受理时间): "电话多少" finds the phone line, "怎么联系" the whole
    // contact; the other words of the line (党政办公室) rank it, never outweigh a field.
    const all = vocabulary.conceptsOf(text);
    const fields = all.filter((c) => contactFields.has(c));
    contactThings.add(`${x.section.id}.contact${n + 1}`);
    things.push({
      id: `${x.section.id}.contact${n + 1}`,
      concepts: [...fields, 'contact-info'],
      key: fields,
      extra: [],
      topic: all.filter((c) => !contactFields.has(c)).slice(0, 6),
      question: FIELD_QUESTIONS[fields[0] ?? ''] ?? { zh: '怎么联系他们？', en: 'How can they be contacted?' },
      reply: { zh: text, en: `The report gives this contact: “${text}”` },
      cite: [{ section: x.section.id, quote: x.text }],
      kind: 'figure',
      section: x.section.id,
      surface: text,
    });
  });

  // The whole contact block, for "怎么联系他们?": each line above answers its own field.
  const contact = findContact(sections, d);
  if (contact) {
    things.push({
      id: 'report.contact',
      concepts: ['contact-info'],
      key: ['contact-info'],
      extra: [],
      question: { zh: '怎么联系他们？', en: 'How can they be contacted?' },
      reply: { zh: `联系方式：${mainland(contact.quote)}`, en: `The report gives this contact: “${mainland(contact.quote)}”` },
      cite: [{ section: contact.section, quote: contact.quote }],
      kind: 'figure',
      section: contact.section,
      surface: mainland(contact.quote),
    });
  }

  // Each part's own opening, for "主动公开情况怎么样?"; and what the report is.
  for (const s of sections) {
    const first = sentences.find((x) => x.section === s);
    if (!first || s.kind === 'title') continue;
    const title = mainland(stripNumbering(s.title));
    things.push({
      id: `${s.id}.summary`,
      concepts: vocabulary.conceptsOf(title),
      key: [],
      extra: [],
      question: { zh: `${short(title)}是怎样的？`, en: `What does the report say under “${short(title)}”?` },
      reply: { zh: `${title}：${mainland(first.text)}`, en: `${s.titleEn}: “${mainland(first.text)}”` },
      cite: [{ section: s.id, quote: first.text }],
      kind: 'section',
      section: s.id,
      surface: title,
    });
  }
  const aboutQuote = root.headingLine !== undefined ? root.title : (sentences[0]?.text ?? root.title);
  things.push({
    id: 'report.about',
    concepts: ['year-q', 'city', 'departments', 'title-q'],
    key: ['year-q', 'city', 'title-q'],
    extra: [],
    question: { zh: '这是哪个单位哪一年的报告？', en: 'Whose report is this, and for which year?' },
    reply: { zh: `这是${simplify(meta.body)}${meta.year}年的政府信息公开工作年度报告（《${mainland(meta.title)}》）。`, en: `This is the ${meta.year} annual report on open government information of ${simplify(meta.body)} (${mainland(meta.title)}).` },
    cite: [{ section: root.headingLine !== undefined || !sentences[0] ? 'report' : sentences[0].section.id, quote: aboutQuote }],
    kind: 'about',
    section: 'report',
  });

  // A figure of the 依申请 part answers 依申请 questions before a figure elsewhere that mentions 申请.
  const sectionKind = new Map(sections.map((s) => [s.id, s.kind]));
  for (const t of things.filter((x) => x.kind !== 'section' && !outlines.has(x.id))) t.key.push(...(partConcepts.get(sectionKind.get(t.section) ?? 'other') ?? []).filter((c) => t.concepts.includes(c)));
  // Plans for the next year ("2017年,我局将…", "2014年工作打算") speak of that year in the report's own words.
  const sectionTitle = new Map(sections.map((s) => [s.id, s.title]));
  const listLine = new Map(lists.map((l, i) => [packLists[i]?.id ?? '', l.section.lines.find((x) => x.line === l.line)?.text ?? '']));
  for (const t of things) {
    const text = [...t.cite.map((c) => c.quote), t.reply.zh, sectionTitle.get(t.section) ?? '', listLine.get(t.id.replace(/\.items$/, '')) ?? ''].join('\n');
    const later = laterYearsIn(text, meta.year);
    if (later.length) t.years = later;
  }
  // "电话多少" asks for the phone line: no figure that never speaks of a phone answers it.
  for (const t of things) if (!contactThings.has(t.id)) t.refuses = [...contactFields];
  const intents: Intent[] = buildRules(things, vocabulary);
  linkSuggestions(intents, things);

  const packSections: Section[] = sections.map((s) => ({ id: s.id, title: s.title, titleEn: s.titleEn, parent: s.parent, origin: 'report', kind: s.kind, text: sectionText(s) }));
  const examples = intents.filter((i) => !i.id.endsWith('.summary')).slice(0, 3).concat(intents.filter((i) => i.id === 'report.about'));
  const examplesEnough = examples.length >= 3 ? examples : intents.slice(0, 4);
  const files: IngestResult['files'] = {
    'report.json': {
      meta: {
        id: options.id ?? 'report',
        title: { zh: mainland(meta.title), en: `${simplify(meta.body)}: annual report on open government information, ${meta.year}` },
        city: { zh: simplify(meta.body), en: simplify(meta.body) },
        region: { zh: meta.region, en: meta.region },
        year: meta.year,
        legalBasis: { zh: '《中华人民共和国政府信息公开条例》', en: "the Regulations of the People's Republic of China on Open Government Information" },
        scope: { zh: `这份报告只涵盖${simplify(meta.body)}${meta.year}年的政府信息公开工作`, en: `This report covers only the open government information work of ${simplify(meta.body)} in ${meta.year}` },
        source: `ingested from ${sourceName}`,
        examples: {
          zh: [...new Set(examplesEnough.map((i) => i.question.zh))].concat(['这是哪个单位哪一年的报告？', '报告由哪几部分组成？']).slice(0, 4),
          en: [...new Set(examplesEnough.map((i) => i.question.en))].concat(['Whose report is this, and for which year?', 'What does the report cover?']).slice(0, 4),
        },
        ...(contact ? { contact } : {}),
      },
      sections: packSections,
    },
    'facts.json': { facts, derived, lists: packLists },
    'lexicon.json': { concepts: vocabulary.ownConcepts(), scope: { places: [{ id: 'place', zh: meta.places, en: [], generic: false }] } },
    'intents.json': { intents },
  };
  const knowledge = KnowledgeSchema.parse({
    ...files['report.json'],
    ...files['facts.json'],
    ...mergeLexicon(domain.lexicon, files['lexicon.json']),
    ...files['intents.json'],
  });
  const issues = [...checkReferences(knowledge), ...checkValues(knowledge)];
  if (issues.length) throw new IngestError(`ingest made an invalid pack (a bug): ${issues[0]?.file} ${issues[0]?.path}: ${issues[0]?.message}`);
  for (const s of sections) if (s.kind !== 'title' && !sentences.some((x) => x.section === s) && !cells.some((c) => c.section === s) && s.lines.length) messages.push({ line: s.headingLine, kind: 'unplaced', text: `section “${s.title}” has text but no sentence or table ingest could read` });
  return { files, knowledge, meta, messages, sections };
}

export type { Fact, IngestOptions };

/** Years after the report's own that a text names (its plans), at most two ahead: never a past year's figure. */
function laterYearsIn(text: string, year: number): number[] {
  const named = [...arabicYears(text).matchAll(/(?<!\d)(\d{4})\s*年/g)].map((m) => Number(m[1]));
  return [...new Set(named.filter((y) => y > year && y <= year + 2))];
}
