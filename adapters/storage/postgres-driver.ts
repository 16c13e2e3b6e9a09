import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Logger } from '../shared/logger.js';
import type { SqlDriver, SqlValue, Statement } from './sql-driver.js';

/** `?` placeholders as PostgreSQL's `$1, $2, …` (our SQL never holds a literal `?`). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** How long a write may wait for a connection before the flush gives up and retries later. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * PostgreSQL through a small pg pool. A server that goes away makes idle connections emit
 * errors; those are logged as a warning instead of crashing the process, and the pool opens new
 * connections once the server is back.
 */
export function openPostgresDriver(url: string, logger: Logger): SqlDriver {
  // Loaded here, not at import: pg is ~8 MB of memory that a server on the SQLite file never needs.
  const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
  const pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => logger.warn('storage.connection_lost', { kind: 'postgres', error }));
  // A connection can also drop while checked out; its query rejects, and the event must not crash us.
  pool.on('connect', (client) => client.on('error', (error) => logger.debug('storage.connection_error', { kind: 'postgres', error })));
  const query = (client: pg.PoolClient | pg.Pool, s: Statement) =>
    s.params ? client.query(numberPlaceholders(s.sql), s.params) : client.query(s.sql);
  return {
    kind: 'postgres',
    async all(sql: string, params: SqlValue[] = []) {
      return (await query(pool, { sql, params })).rows as Record<string, unknown>[];
    },
    async transaction(statements) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const changed: number[] = [];
        for (const s of statements) changed.push((await query(client, s)).rowCount ?? 0);
        await client.query('COMMIT');
        return changed;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError as Error;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
