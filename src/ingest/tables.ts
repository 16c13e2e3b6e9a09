import type { DomainIngest } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';
import type { DraftSection } from './sections.js';
import { isCellLine, isTableLine } from './sentences.js';

/** A table cell with a figure, named by its row and column. */
export interface DraftCell {
  section: DraftSection;
  row: string;
  /** The row's parents in the table (三、本年度办理结果 › (三)不予公开), nearest last. */
  rowPath: string[];
  column: string;
  columnEn: string;
  /** True for the column a question naming no column means (总计). */
  defaultColumn: boolean;
  /** Columns answered together when one row holds several tables' figures (行政复议, 行政诉讼). */
  columnGroup: string | undefined;
  /** The national table the cell was read by (its template id), when one. */
  table: string | undefined;
  /**
   * Whether the row is the one a question naming only a column asks for (本年新收: "企业申请了几件");
   * undefined when the table has no such row.
   */
  askedRow: boolean | undefined;
  /** The group the row stands in (第二十条第(一)项), when the table has groups. */
  group: string;
  value: number;
  unit: string;
  /** Verbatim excerpt of the section: the row from its label to this cell. */
  quote: string;
  line: number;
}

interface Cell {
  text: string;
  line: number;
  /** Offset of the cell in the section text, and its end. */
  start: number;
  end: number;
  /** A cell on a line without any "|": the rest of a label broken over two lines. */
  loose: boolean;
}

const NUMBER = /^[-+]?\d+(\.\d+)?%?$/;
const BLANK = /^[-—–/\\]+$|^无$/;
const GROUP = /^第[二三]十[一二三四五六七八九]?条第[（(][一二三四五六七八九十]+[)）]项$/;
const LEVEL: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+[、.．]/, 1],
  [/^[（(][一二三四五六七八九十]+[)）]/, 2],
  [/^\d+[.．、]/, 3],
];


/** Cells of a section's table lines, in reading order, with their offsets in the section text. */
function cellsOf(section: DraftSection): Cell[] {
  const cells: Cell[] = [];
  let offset = 0;
  // A table copied a cell per line opens with its header cells, each a short line, before any figure.
  const firstTabular = section.lines.findIndex((l) => isTableLine(l.text));
  let opens = firstTabular;
  while (opens > 0 && isCellLine(section.lines[opens - 1]?.text ?? '')) opens--;
  for (const [i, l] of section.lines.entries()) {
    if (i >= opens && i < firstTabular) {
      cells.push({ text: l.text.trim(), line: l.line, start: offset + l.text.indexOf(l.text.trim()), end: offset + l.text.length, loose: true });
    } else if (isTableLine(l.text)) {
      let at = 0;
      for (const piece of l.text.split(/[|｜]/)) {
        const text = piece.trim();
        const start = offset + at + piece.indexOf(text);
        if (text) cells.push({ text, line: l.line, start, end: start + text.length, loose: false });
        at += piece.length + 1;
      }
    } else if (cells.length && isCellLine(l.text)) {
      // A label cell broken over a line of its own ("行政规范性文件" without its "|").
      cells.push({ text: l.text.trim(), line: l.line, start: offset + l.text.indexOf(l.text.trim()), end: offset + l.text.length, loose: true });
    }
    offset += l.text.length + 1;
  }
  return cells;
}

/**
 * The figures of the national format's tables (and of any table like them), however the page
 * flattened them: a row per line ("行政许可 | 8 | 5 | 93"), a cell per line, or HTML cells. Header
 * cells name the columns; a label cell starts a row, its numbers fill the columns in order. Tables
 * whose flattened header order differs from their columns (the application table, the review and
 * litigation table) are read by the domain's templates.
 */
export function findTableCells(sections: DraftSection[], domain: Pick<DomainIngest, 'tables' | 'tableHeaders' | 'tableUnits' | 'units'>): DraftCell[] {
  const out: DraftCell[] = [];
  // A statistics table gives each row its unit in a column of its own (统计指标 | 单位 | 统计数).
  const unitWords = new Set(domain.units.map((u) => u.zh));
  const headers = new Set(domain.tableHeaders);
  const isHeader = (t: string) => headers.has(simplify(t).replace(/[（(].*?[)）]/g, '').replace(/\s/g, '')) || /^[（(]本列数据/.test(t);
  for (const section of sections) {
    const text = section.lines.map((l) => l.text).join('\n');
    const cells = cellsOf(section);
    if (cells.filter((c) => NUMBER.test(c.text)).length < 1) continue;
    let header: string[] = [];
    let template: DomainIngest['tables'][number] | undefined;
    let group = '';
    let rowPath: string[] = [];
    let row: Cell | undefined;
    let rowUnit: string | undefined;
    let column = 0;
    let readingHeader = false;
    let runStart: Cell | undefined;
    let headerStart: Cell | undefined;
    for (const cell of cells) {
      const simple = simplify(cell.text);
      if (GROUP.test(simple.replace(/\s/g, ''))) {
        group = cell.text;
        header = [];
        template = undefined;
        row = undefined;
        continue;
      }
      if (NUMBER.test(cell.text) || BLANK.test(cell.text)) {
        readingHeader = false;
        runStart ??= cell;
        // A row with no label cell (the review table) is quoted from its header on, so the quote names it.
        const label = row ?? (template?.row ? { text: template.row.zh, line: cell.line, start: (headerStart ?? runStart).start, end: cell.end, loose: false } : undefined);
        if (!label) continue;
        const columns = template ? template.columns.map((c) => ({ zh: c.zh, en: c.en, default: c.default, group: c.group })) : header.map((h) => ({ zh: h, en: '', default: /总计|合计|统计数/.test(simplify(h)), group: undefined as string | undefined }));
        const col = columns[column];
        column++;
        if (!NUMBER.test(cell.text)) continue;
        const columnName = col?.zh ?? `第${column}列`;
        const unitRule = domain.tableUnits.find((u) => u.words.some((w) => simplify(`${columnName}${group}`).includes(w)));
        out.push({
          section,
          row: label.text,
          rowPath: [...rowPath],
          column: columnName,
          columnEn: col?.en ?? '',
          defaultColumn: col?.default ?? columns.length <= 1,
          columnGroup: col?.group,
          table: template?.id,
          askedRow: template?.askedRow ? template.askedRow.some((w) => simplify(label.text).includes(w)) : undefined,
          group,
          value: Number(cell.text.replace('%', '')),
          unit: cell.text.endsWith('%') ? '%' : (rowUnit ?? unitRule?.unit ?? template?.unit ?? '件'),
          quote: text.slice(label.start, cell.end),
          line: cell.line,
        });
        continue;
      }
      runStart = undefined;
      if (isHeader(cell.text)) {
        if (!readingHeader) {
          header = [];
          headerStart = cell;
        }
        column = 0;
        readingHeader = true;
        if (!/^信息内容$|^申请人情况$|^统计指标$|^单位$|^[（(]本列数据/.test(simple)) header.push(cell.text);
        const found = domain.tables.find((t) => t.marker.every((m) => m.split('|').some((alt) => header.some((h) => simplify(h).includes(alt)))));
        if (found) template = found;
        row = undefined;
        continue;
      }
      readingHeader = false;
      if (row && column === 0 && rowUnit === undefined && unitWords.has(simple.trim())) {
        rowUnit = simple.trim();
        continue;
      }
      // A label: a new row, placed in the table's outline by its numbering (一、 › (三) › 1.).
      const level = LEVEL.find(([p]) => p.test(simple))?.[1];
      if (row && column === 0 && level === undefined && cell.loose) {
        row = { ...row, text: `${row.text}${cell.text}`, end: cell.end };
        continue;
      }
      if (row && column === 0 && level !== undefined) rowPath = [...rowPath.filter((p) => (LEVEL.find(([re]) => re.test(simplify(p)))?.[1] ?? 9) < level), row.text];
      else if (level !== undefined) rowPath = rowPath.filter((p) => (LEVEL.find(([re]) => re.test(simplify(p)))?.[1] ?? 9) < level);
      row = cell;
      rowUnit = undefined;
      column = 0;
    }
  }
  return out;
}
