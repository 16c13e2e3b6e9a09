import { isAbsolute, join } from 'node:path';
import type { Logger } from '../shared/logger.js';
import { openPostgresDriver } from './postgres-driver.js';
import { createSqlStorage } from './sql-storage.js';
import { openSqliteDriver } from './sqlite-driver.js';
import type { Storage } from './types.js';

export interface StorageConfig {
  /** A postgres:// URL; when set, PostgreSQL is used instead of the SQLite file. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file, relative to the project folder unless absolute. */
  SQLITE_FILE: string;
}

/**
 * The database the config names: PostgreSQL when DATABASE_URL is set, else the SQLite file
 * (created with its folder on first use). Nothing is migrated here: the question log migrates
 * before its first write, so a database that is down at start only delays the log.
 */
export function openStorage(config: StorageConfig, root: string, logger: Logger): Storage {
  if (config.DATABASE_URL) return createSqlStorage(openPostgresDriver(config.DATABASE_URL, logger));
  const file = isAbsolute(config.SQLITE_FILE) ? config.SQLITE_FILE : join(root, config.SQLITE_FILE);
  return createSqlStorage(openSqliteDriver(file));
}

/** The parts of DATABASE_URL a log must never show: the whole URL and its password. */
export function storageSecrets(config: Pick<StorageConfig, 'DATABASE_URL'>): string[] {
  if (!config.DATABASE_URL) return [];
  try {
    const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
    return password ? [config.DATABASE_URL, password] : [config.DATABASE_URL];
  } catch {
    return [config.DATABASE_URL];
  }
}
