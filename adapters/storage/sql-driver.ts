/** A parameter value both drivers accept. */
export type SqlValue = string | number | null;

/** One statement: SQL with `?` placeholders and their values, or a parameterless script. */
export interface Statement {
  sql: string;
  params?: SqlValue[];
}

/**
 * The little each database driver must provide, so the queries are written once (sql-storage.ts)
 * in SQL both SQLite and PostgreSQL accept. Placeholders are `?`; the PostgreSQL driver numbers them.
 */
export interface SqlDriver {
  readonly kind: 'sqlite' | 'postgres';
  all(sql: string, params?: SqlValue[]): Promise<Record<string, unknown>[]>;
  /** Runs the statements in one transaction; resolves with the rows each changed. */
  transaction(statements: Statement[]): Promise<number[]>;
  close(): Promise<void>;
}
