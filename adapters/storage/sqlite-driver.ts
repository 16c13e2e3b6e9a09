import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlValue, Statement } from './sql-driver.js';

/**
 * SQLite through better-sqlite3: a file, in WAL mode so the staff console reads while the log
 * writes. The driver is synchronous; each call finishes before it returns, so a transaction is
 * never interleaved with another caller's statements.
 */
export function openSqliteDriver(file: string): SqlDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL is still safe from corruption; only the last commits before a power cut can
  // be lost. FULL waited for an fsync at every commit, on the event loop (better-sqlite3 is
  // synchronous), which held up every answer in flight for the duration of each flush.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The log writes the same few statements for every question: compiled once, not per row.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let compiled = prepared.get(sql);
    if (!compiled) prepared.set(sql, (compiled = db.prepare(sql)));
    return compiled;
  };
  const run = (s: Statement): number => (s.params ? statement(s.sql).run(...s.params).changes : (db.exec(s.sql), 0));
  const inTransaction = db.transaction((statements: Statement[]) => statements.map(run));
  return {
    kind: 'sqlite',
    async all(sql: string, params: SqlValue[] = []) {
      return db.prepare(sql).all(...params) as Record<string, unknown>[];
    },
    async transaction(statements) {
      return inTransaction(statements);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
