/** A column of a staff table, titled in Chinese first, then English. */
export interface Column {
  key: string;
  zh: string;
  en: string;
}

export type Cell = string | number;

/**
 * The one shape every staff table takes: the console renders it, the CSV export writes it and the
 * terminal prints it, so the three never disagree.
 */
export interface Table {
  name: string;
  columns: Column[];
  rows: Record<string, Cell>[];
}

export const column = (key: string, zh: string, en: string): Column => ({ key, zh, en });
