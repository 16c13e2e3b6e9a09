import { stringify } from 'csv-stringify/sync';
import type { Table } from './table.js';

/**
 * A table as CSV for spreadsheets: a byte-order mark so Excel reads the Chinese as UTF-8, headers
 * in both languages, and cells a citizen typed that start like a formula (=, +, -, @) escaped so a
 * spreadsheet never runs them.
 */
export function toCsv(table: Table): string {
  const header = table.columns.map((c) => `${c.zh} ${c.en}`);
  const rows = table.rows.map((row) => table.columns.map((c) => row[c.key] ?? ''));
  return `\uFEFF${stringify([header, ...rows], { escape_formulas: true, record_delimiter: 'windows' })}`;
}
