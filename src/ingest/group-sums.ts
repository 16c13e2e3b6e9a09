import type { DraftCell } from './tables.js';

/** One table row as ingest has read it: its total-column cell and that cell's fact id. */
export interface TableRow {
  cell: DraftCell;
  id: string;
}

/** A group of rows the table gives no subtotal for: its heading ("(三)不予公开") and its rows. */
export interface RowGroup {
  heading: string;
  section: string;
  rows: TableRow[];
}

/**
 * The national table lists 不予公开, 无法提供 and 不予处理 only by their reasons (1.属于国家秘密 …),
 * never with a subtotal; people ask for the whole ("不予公开的一共几件"). Each such group of at least
 * two rows in one unit, with no row of its own, is returned to become a sum by a declared formula
 * over cited cells, never a figure the report does not state.
 */
export function subtotalLess(totals: TableRow[], hasOwnRow: (section: string, heading: string) => boolean): RowGroup[] {
  const groups = new Map<string, TableRow[]>();
  for (const r of totals) {
    const heading = r.cell.rowPath.at(-1);
    if (!heading || !/^[（(][一二三四五六七八九十]+[)）]/.test(heading.trim())) continue;
    const key = `${r.cell.section.id}|${r.cell.group}|${r.cell.rowPath.join('›')}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].flatMap((rows) => {
    const first = rows[0];
    const heading = first?.cell.rowPath.at(-1);
    if (!first || !heading || rows.length < 2 || hasOwnRow(first.cell.section.id, heading)) return [];
    if (rows.some((r) => r.cell.unit !== first.cell.unit)) return [];
    return [{ heading, section: first.cell.section.id, rows }];
  });
}
