import type { Derived } from '../knowledge/schema.js';
import type { DraftCell } from './tables.js';

/** One table row as ingest has read it: its label and the fact id of its total column. */
export interface TableRow {
  cell: DraftCell;
  id: string;
}

/** A group of rows the table gives no subtotal for, summed by a declared formula. */
export interface GroupSum {
  derived: Derived;
  /** The group's heading as the table writes it ("(三)不予公开"). */
  heading: string;
  section: string;
  rows: TableRow[];
}

/**
 * The national table lists 不予公开, 无法提供 and 不予处理 only by their reasons (1.属于国家秘密 …),
 * never with a subtotal; people ask for the whole ("不予公开的一共几件"). Each such group of at least
 * two rows, in the total column, becomes a sum of its rows: a figure by a declared formula over
 * cited cells, never one the report does not state.
 */
export function groupSums(totals: TableRow[], hasOwnRow: (section: string, heading: string) => boolean): GroupSum[] {
  const groups = new Map<string, TableRow[]>();
  for (const r of totals) {
    const heading = r.cell.rowPath.at(-1);
    if (!heading || !/^[（(][一二三四五六七八九十]+[)）]/.test(heading.trim())) continue;
    const key = `${r.cell.section.id}|${r.cell.group}|${r.cell.rowPath.join('›')}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sums: GroupSum[] = [];
  for (const rows of groups.values()) {
    const first = rows[0];
    const heading = first?.cell.rowPath.at(-1);
    if (!first || !heading || rows.length < 2 || hasOwnRow(first.cell.section.id, heading)) continue;
    if (rows.some((r) => r.cell.unit !== first.cell.unit)) continue;
    const id = `${first.cell.section.id}.sum${sums.length + 1}`;
    sums.push({
      derived: { id, label: { zh: heading, en: heading }, op: 'sum', args: rows.map((r) => r.id), decimals: 0, unit: { zh: first.cell.unit, en: '' } },
      heading,
      section: first.cell.section.id,
      rows,
    });
  }
  return sums;
}
